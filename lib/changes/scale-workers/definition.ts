import type { ChangeDefinition } from "../define-change";
import { prepareScaleWorkers } from "./prepare";
import { scaleWorkersSchema } from "./schema";

export const scaleWorkersChange: ChangeDefinition<"scale-workers", typeof scaleWorkersSchema> = {
  action: "scale-workers",
  label: "Scale workers",
  schema: scaleWorkersSchema,
  api: {
    id: "ScaleWorkers",
    summary: "Scale workers",
    description: "Out (new workers join) or in (the workers named, else the newest, are drained and removed).",
    example: { workers: 2 },
  },
  prepare: prepareScaleWorkers,
};
