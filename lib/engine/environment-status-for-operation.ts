import type { EnvironmentStatus } from "@/lib/environments/environment-status";
import { isChangeType } from "./operation-states";

/** The environment state while an operation of this type runs. */
export function environmentStatusForOperation(type: string): EnvironmentStatus {
  if (type === "delete") return "deleting";
  if (type === "cancel") return "cancelling";
  if (isChangeType(type)) return "updating";
  return "installing";
}
