"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { registryCredentialsSchema, type RegistryCredentialsInput } from "@/lib/changes/registry-credentials/schema";
import { ChangeDialog } from "./change-dialog";

const empty: RegistryCredentialsInput = { registry: "", username: "", password: "", email: "" };

/**
 * Registry credentials: Registry, Username, Password, E-mail. They are stored encrypted and applied as the image
 * pull secret of every namespace, present and future; setting them again replaces them. The password is never
 * shown again; the activity records only that there was one.
 */
export function RegistryCredentialsDialog({
  open,
  onOpenChange,
  name,
  current,
  timeScale,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  name: string;
  current: { registry: string; username: string } | null;
  timeScale: number;
}) {
  const form = useForm<RegistryCredentialsInput>({
    resolver: zodResolver(registryCredentialsSchema),
    defaultValues: empty,
    mode: "onTouched",
  });
  const { control, register, reset, formState } = form;
  const values = useWatch({ control });
  useEffect(() => {
    if (open) reset(empty);
  }, [open, reset]);
  const parsed = registryCredentialsSchema.safeParse(values);

  const field = (
    id: FieldPath<RegistryCredentialsInput>,
    label: string,
    serverErrors: Record<string, string>,
    props: { type?: string; autoComplete: string; description?: string; placeholder?: string },
  ) => {
    const error = formState.errors[id]?.message ?? serverErrors[id];
    return (
      <Field
        id={`registry-${id}`}
        label={label}
        description={props.description}
        error={error}
        required={id !== "email"}
      >
        <Input
          type={props.type ?? "text"}
          autoComplete={props.autoComplete}
          placeholder={props.placeholder}
          spellCheck={false}
          {...register(id)}
          {...fieldAria(`registry-${id}`, { error, description: props.description })}
          id={`registry-${id}`}
        />
      </Field>
    );
  };

  return (
    <ChangeDialog
      open={open}
      onOpenChange={onOpenChange}
      name={name}
      action="registry-credentials"
      title="Registry credentials"
      description={
        current
          ? `Replaces the credentials for ${current.registry} (user ${current.username}) in every namespace.`
          : "Pods in every namespace, present and future, pull images from this registry with these credentials. They are stored encrypted."
      }
      body={parsed.success ? parsed.data : null}
      confirmLabel={current ? "Replace credentials" : "Save credentials"}
      timeScale={timeScale}
    >
      {(serverErrors) => (
        <div className="flex flex-col gap-3">
          {field("registry", "Registry", serverErrors, {
            autoComplete: "off",
            placeholder: "ghcr.io",
            description: "Host name, optionally with a port.",
          })}
          {field("username", "Username", serverErrors, { autoComplete: "off" })}
          {field("password", "Password", serverErrors, {
            type: "password",
            autoComplete: "new-password",
            description: "Or an access token with read access.",
          })}
          {field("email", "E-mail", serverErrors, { type: "email", autoComplete: "off", description: "Optional." })}
        </div>
      )}
    </ChangeDialog>
  );
}
