import type { EnvironmentStatus } from "@/lib/environments/environment-status";

/** The environment state while an operation of this type runs. */
export function environmentStatusForOperation(type: string): EnvironmentStatus {
  if (type === "delete") return "deleting";
  if (type === "cancel") return "cancelling";
  if (type === "addons") return "updating";
  return "installing";
}
