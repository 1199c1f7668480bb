import type { ChangeDefinition } from "../define-change";
import { prepareAddons } from "./prepare";
import { activateAddonsSchema } from "./schema";

export const addonsChange: ChangeDefinition<"addons", typeof activateAddonsSchema> = {
  action: "addons",
  label: "Activate add-ons",
  schema: activateAddonsSchema,
  api: {
    id: "ActivateAddons",
    summary: "Activate add-ons",
    description: "Monitoring, Tracing and Remote API access; those that keep data need storage.",
    example: { remoteApi: true },
  },
  prepare: prepareAddons,
};
