import { z } from "@/lib/validations/zod";

/** Add-ons to activate on a running cluster: only `true` means "activate"; omitted or false changes nothing. */
export const activateAddonsSchema = z.strictObject(
  {
    monitoring: z.boolean({ error: "monitoring must be true or false." }).optional(),
    tracing: z.boolean({ error: "tracing must be true or false." }).optional(),
    remoteApi: z.boolean({ error: "remoteApi must be true or false." }).optional(),
  },
  { error: "Send { monitoring?, tracing?, remoteApi? } with true for each add-on to activate." },
);
