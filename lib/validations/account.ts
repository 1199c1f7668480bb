import { singleLineText } from "./text-rules";
import { z } from "./zod";

export const passwordRules = { min: 10, max: 128 } as const;
const nameRules = { min: 1, max: 80 } as const;

const personNameSchema = singleLineText({ label: "your name", ...nameRules });
const emailSchema = z.email({ error: "Enter an e-mail address like name@example.com." }).trim().toLowerCase().max(254, {
  error: "Use an e-mail address of at most 254 characters.",
});

/** A profile picture: an https URL or nothing; never javascript:, data: or a plain-http address. */
const imageUrlSchema = z
  .string({ error: "The picture must be an https:// URL." })
  .trim()
  .max(2048, { error: "Use a picture URL of at most 2048 characters." })
  .refine((v) => isHttpsUrl(v), { error: "The picture must be an https:// URL." })
  .nullable()
  .optional();

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: z
    .string({ error: "Enter a password." })
    .min(passwordRules.min, { error: `Use at least ${passwordRules.min} characters.` })
    .max(passwordRules.max, { error: `Use at most ${passwordRules.max} characters.` }),
  image: imageUrlSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }),
});

/** Profile changes through better-auth's update-user: the same rules as at sign-up. */
export const updateProfileSchema = z.object({ name: personNameSchema.optional(), image: imageUrlSchema });

export const changePlanSchema = z.strictObject(
  { plan: z.enum(["trial", "developer", "business"], { error: "Choose one of the listed plans." }) },
  { error: 'Send { "plan": "trial" | "developer" | "business" }.' },
);

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "" && /^[\x21-\x7e]+$/.test(value);
  } catch {
    return false;
  }
}

export type SignUpInput = z.infer<typeof signUpSchema>;
export type SignInInput = z.infer<typeof signInSchema>;
