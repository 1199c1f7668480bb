import type { ChangeDefinition } from "../define-change";
import { prepareRegistryCredentials } from "./prepare";
import { registryCredentialsSchema } from "./schema";

export const registryCredentialsChange: ChangeDefinition<"registry-credentials", typeof registryCredentialsSchema> = {
  action: "registry-credentials",
  label: "Registry credentials",
  schema: registryCredentialsSchema,
  api: {
    id: "SetRegistryCredentials",
    summary: "Set registry credentials",
    description: "An image pull secret in every namespace, present and future; the password is stored encrypted.",
    example: { registry: "ghcr.io", username: "ci", password: "…" },
  },
  prepare: prepareRegistryCredentials,
};
