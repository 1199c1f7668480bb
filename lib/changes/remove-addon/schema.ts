import { z } from "@/lib/validations/zod";

/** Remove one add-on that keeps data (its data goes with it). */
export const removeAddonSchema = z.strictObject(
  { addon: z.enum(["monitoring", "tracing"], { error: "Choose Monitoring or Tracing." }) },
  { error: 'Send { "addon": "monitoring" } or { "addon": "tracing" }.' },
);
