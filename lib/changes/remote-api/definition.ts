import type { ChangeDefinition } from "../define-change";
import { prepareRemoteApi } from "./prepare";
import { remoteApiSchema } from "./schema";

export const remoteApiChange: ChangeDefinition<"remote-api", typeof remoteApiSchema> = {
  action: "remote-api",
  label: "Remote API access",
  schema: remoteApiSchema,
  api: {
    id: "SetRemoteApi",
    summary: "Turn Remote API access on or off",
    description: "Whether the cluster's Kubernetes API answers kubectl.",
    example: { enabled: true },
  },
  prepare: prepareRemoteApi,
};
