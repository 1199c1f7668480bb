import type { ChangeDefinition } from "../define-change";
import { prepareRemoveRegistryCredentials } from "./prepare";
import { removeRegistryCredentialsSchema } from "./schema";

export const removeRegistryCredentialsChange: ChangeDefinition<
  "remove-registry-credentials",
  typeof removeRegistryCredentialsSchema
> = {
  action: "remove-registry-credentials",
  label: "Remove registry credentials",
  schema: removeRegistryCredentialsSchema,
  api: {
    id: "RemoveRegistryCredentials",
    summary: "Remove registry credentials",
    description: "The pull secrets and the stored credentials go.",
    example: {},
  },
  prepare: prepareRemoveRegistryCredentials,
};
