import { z } from "./zod";

const environmentNameRules = {
  min: 3,
  max: 40,
  pattern: /^[a-z][a-z0-9-]*$/,
} as const;

/** A DNS label: lowercase letters, digits and hyphens, starting with a letter, 3–40 characters. */
export const environmentNameSchema = z
  .string({ error: "Enter an environment name." })
  .trim()
  .min(environmentNameRules.min, { error: `Use at least ${environmentNameRules.min} characters.` })
  .max(environmentNameRules.max, { error: `Use at most ${environmentNameRules.max} characters.` })
  .refine((v) => /^[a-z]/.test(v), { error: "Start with a lowercase letter." })
  .refine((v) => environmentNameRules.pattern.test(v), {
    error: "Use only lowercase letters, digits and hyphens.",
  })
  .refine((v) => !v.endsWith("-"), { error: "Do not end with a hyphen." })
  .refine((v) => !v.includes("--"), { error: "Do not use two hyphens in a row." });

/** Whether the schema accepts the name: the plan shows a domain only for a name the server would take. */
export function isEnvironmentName(value: unknown): boolean {
  return environmentNameSchema.safeParse(value).success;
}
