"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { authClient } from "@/lib/auth/auth-client";
import { passwordRules, signUpSchema, type SignUpInput } from "@/lib/validations/account";

const passwordHint = `At least ${passwordRules.min} characters.`;

export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const { error } = await authClient.signUp.email({
      name: values.name,
      email: values.email,
      password: values.password,
    });
    if (error) {
      if (error.code === "USER_ALREADY_EXISTS" || error.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") {
        setError("email", { message: "An account with this e-mail already exists. Sign in instead." });
      } else {
        setFormError(error.message ?? "Could not create the account. Try again.");
      }
      return;
    }
    router.replace(next);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <Field id="name" label="Name" error={errors.name?.message}>
        <Input autoComplete="name" {...register("name")} {...fieldAria("name", { error: errors.name?.message })} />
      </Field>
      <Field id="email" label="E-mail" error={errors.email?.message}>
        <Input
          type="email"
          autoComplete="email"
          {...register("email")}
          {...fieldAria("email", { error: errors.email?.message })}
        />
      </Field>
      <Field id="password" label="Password" description={passwordHint} error={errors.password?.message}>
        <Input
          type="password"
          autoComplete="new-password"
          {...register("password")}
          {...fieldAria("password", { error: errors.password?.message, description: passwordHint })}
        />
      </Field>
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Create account
      </Button>
    </form>
  );
}
