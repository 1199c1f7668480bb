import type { ChangeDefinition } from "../define-change";
import { prepareAutoscaling } from "./prepare";
import { autoscalingSchema } from "./schema";

export const autoscalingChange: ChangeDefinition<"autoscaling", typeof autoscalingSchema> = {
  action: "autoscaling",
  label: "Worker autoscaling",
  schema: autoscalingSchema,
  api: {
    id: "SetAutoscaling",
    summary: "Set worker autoscaling",
    description:
      "A Minimum–Maximum range of workers (or off): workers are added for pods that wait for room and removed when idle.",
    example: { enabled: true, minWorkers: 1, maxWorkers: 3 },
  },
  prepare: prepareAutoscaling,
};
