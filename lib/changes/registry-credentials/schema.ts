import { z } from "@/lib/validations/zod";

const registryPattern =
  /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?(\/[a-z0-9._-]+)*\/?$/;

/** Registry credentials: applied as an image pull secret in every namespace; replacing them overwrites. */
export const registryCredentialsSchema = z.strictObject(
  {
    registry: z
      .string({ error: "Enter the registry, e.g. ghcr.io." })
      .trim()
      .toLowerCase()
      .transform((v) => v.replace(/^https?:\/\//, ""))
      .refine((v) => v !== "", { error: "Enter the registry, e.g. ghcr.io." })
      .refine((v) => v.length <= 253 && registryPattern.test(v), {
        error: "Enter the registry's host name, optionally with a port, e.g. ghcr.io or registry.example.com:5000.",
      }),
    username: z
      .string({ error: "Enter the username." })
      .trim()
      .min(1, { error: "Enter the username." })
      .max(255, { error: "Use at most 255 characters." })
      .refine((v) => !/[\s\p{Cc}]/u.test(v), { error: "A username has no spaces or control characters." }),
    password: z
      .string({ error: "Enter the password or access token." })
      .min(1, { error: "Enter the password or access token." })
      .max(4096, { error: "Use at most 4096 characters." })
      .refine((v) => !/\p{Cc}/u.test(v), { error: "A password has no control characters (such as line breaks)." }),
    email: z
      .string({ error: "Enter an e-mail address, or leave it empty." })
      .trim()
      .max(254, { error: "Use at most 254 characters." })
      .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
        error: "Enter an e-mail address like you@example.com, or leave it empty.",
      })
      .optional()
      .default(""),
  },
  { error: 'Send { "registry", "username", "password", "email"? }.' },
);
export type RegistryCredentialsInput = z.input<typeof registryCredentialsSchema>;
