import { nodeGroups } from "@/lib/catalog";
import { z } from "@/lib/validations/zod";

const nodeIdPattern = new RegExp(`^${nodeGroups.workers.id}-\\d{1,4}$`);

/** Scale workers: the new count; when scaling in, optionally which workers go (default: the newest). */
export const scaleWorkersSchema = z.strictObject(
  {
    workers: z
      .number({ error: "Enter the number of workers." })
      .int({ error: "Enter a whole number of workers." })
      .min(1, { error: "At least 1 worker is needed." })
      .max(100, { error: "Enter at most 100 workers." }),
    remove: z
      .array(z.string().regex(nodeIdPattern, { error: "Name workers by their node id, e.g. cp-2." }), {
        error: "List the workers to remove by node id.",
      })
      .max(100)
      .optional(),
  },
  { error: 'Send { "workers": <number>, "remove"?: ["cp-2", …] }.' },
);
export type ScaleWorkersInput = z.infer<typeof scaleWorkersSchema>;
