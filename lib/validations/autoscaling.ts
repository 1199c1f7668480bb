import { z } from "./zod";

export const workerCount = (label: string) =>
  z
    .number({ error: `Enter the ${label} number of workers.` })
    .int({ error: `Enter a whole number for the ${label} number of workers.` })
    .min(1, { error: `The ${label} number of workers is at least 1.` })
    .max(100, { error: `The ${label} number of workers is at most 100.` });

/** The worker autoscaler's range: it never goes below Minimum nor above Maximum workers. */
export const autoscalingRangeSchema = z
  .strictObject(
    { minWorkers: workerCount("minimum"), maxWorkers: workerCount("maximum") },
    { error: 'Send { "minWorkers": 1, "maxWorkers": 5 }.' },
  )
  .refine((r) => r.maxWorkers >= r.minWorkers, {
    path: ["maxWorkers"],
    error: "Maximum workers must be at least Minimum workers.",
  });
export type AutoscalingRange = z.infer<typeof autoscalingRangeSchema>;
