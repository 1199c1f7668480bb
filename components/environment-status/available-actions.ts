import type { EnvironmentStatus } from "@/lib/environments/environment-status";

export type AvailableActions = { cancel: boolean; retry: boolean; delete: boolean; open: boolean };

/** The actions the header offers in a state: Cancel while queued or installing, Retry when failed, Delete when running or failed, Open when running. */
export function availableActions(status: EnvironmentStatus): AvailableActions {
  return {
    cancel: status === "queued" || status === "installing",
    retry: status === "failed",
    delete: status === "running" || status === "failed",
    open: status === "running",
  };
}
