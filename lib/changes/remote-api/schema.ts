import { z } from "@/lib/validations/zod";

/** Remote API access on or off. */
export const remoteApiSchema = z.strictObject(
  { enabled: z.boolean({ error: "enabled must be true or false." }) },
  { error: 'Send { "enabled": true } or { "enabled": false }.' },
);
