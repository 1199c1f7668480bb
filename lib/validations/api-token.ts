import { singleLineText } from "./text-rules";
import { z } from "./zod";

/** A new API token: a name to tell it apart, Read or Read and write, and an optional expiry in days. */
export const createApiTokenSchema = z.strictObject(
  {
    name: singleLineText({ label: "a name", min: 1, max: 64 }),
    scope: z.enum(["read", "write"], { error: 'Choose the scope: "read" or "write" (read and write).' }),
    expiresInDays: z
      .number({ error: "Enter the number of days, or leave it empty for a token that does not expire." })
      .int({ error: "Enter a whole number of days." })
      .min(1, { error: "A token lasts at least 1 day." })
      .max(366, { error: "A token lasts at most 366 days." })
      .nullable()
      .optional(),
  },
  { error: 'Send { "name": "ci", "scope": "read" | "write", "expiresInDays"?: 30 }.' },
);
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
