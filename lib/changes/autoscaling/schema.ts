import { workerCount } from "@/lib/validations/autoscaling";
import { z } from "@/lib/validations/zod";

/** Worker autoscaling on, with its range: what the dialog's form holds. */
export const autoscalingOnSchema = z
  .strictObject({ enabled: z.literal(true), minWorkers: workerCount("minimum"), maxWorkers: workerCount("maximum") })
  .refine((r) => r.maxWorkers >= r.minWorkers, {
    path: ["maxWorkers"],
    error: "Maximum workers must be at least Minimum workers.",
  });
export type AutoscalingOnInput = z.infer<typeof autoscalingOnSchema>;

/** Worker autoscaling: on with its range (a new range replaces the old), or off. */
export const autoscalingSchema = z.discriminatedUnion(
  "enabled",
  [autoscalingOnSchema, z.strictObject({ enabled: z.literal(false) })],
  { error: 'Send { "enabled": true, "minWorkers": 1, "maxWorkers": 5 } or { "enabled": false }.' },
);
