import type { ChangeDefinition } from "../define-change";
import { prepareRemoveAddon } from "./prepare";
import { removeAddonSchema } from "./schema";

export const removeAddonChange: ChangeDefinition<"remove-addon", typeof removeAddonSchema> = {
  action: "remove-addon",
  label: "Remove add-on",
  schema: removeAddonSchema,
  api: {
    id: "RemoveAddon",
    summary: "Remove an add-on",
    description: "Monitoring or Tracing, with its data.",
    example: { addon: "monitoring" },
  },
  prepare: prepareRemoveAddon,
};
