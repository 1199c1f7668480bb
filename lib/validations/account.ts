import { z } from "zod";

export const passwordRules = { min: 10, max: 128 } as const;

export const signUpSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter your name." }).max(80, { error: "Use at most 80 characters." }),
  email: z.email({ error: "Enter an e-mail address like name@example.com." }).trim().toLowerCase(),
  password: z
    .string()
    .min(passwordRules.min, { error: `Use at least ${passwordRules.min} characters.` })
    .max(passwordRules.max, { error: `Use at most ${passwordRules.max} characters.` }),
});

export const signInSchema = z.object({
  email: z.email({ error: "Enter an e-mail address like name@example.com." }).trim().toLowerCase(),
  password: z.string().min(1, { error: "Enter your password." }),
});

export const changePlanSchema = z.object({
  plan: z.enum(["trial", "developer", "business"], { error: "Choose one of the listed plans." }),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
