import type { EnvironmentStatus } from "@/lib/environments/environment-status";

export type AvailableActions = { cancel: boolean; retry: boolean; addons: boolean; delete: boolean; open: boolean };

/**
 * The actions the header offers in a state: Cancel while queued or installing, Retry when failed, Add-ons
 * when running, Delete when running or failed, Open while the cluster serves (running, or updating add-ons).
 */
export function availableActions(status: EnvironmentStatus): AvailableActions {
  return {
    cancel: status === "queued" || status === "installing",
    retry: status === "failed",
    addons: status === "running",
    delete: status === "running" || status === "failed",
    open: status === "running" || status === "updating",
  };
}
