import { canRequest } from "@/lib/environments/environment-actions";
import type { EnvironmentStatus } from "@/lib/environments/environment-status";

export type AvailableActions = { cancel: boolean; retry: boolean; addons: boolean; delete: boolean; open: boolean };

/**
 * The actions the header offers in a state: the requests the environment's action table allows there
 * (lib/environments/environment-actions.ts), and Open while the cluster serves (running, or updating add-ons).
 */
export function availableActions(status: EnvironmentStatus): AvailableActions {
  return {
    cancel: canRequest("cancel", status),
    retry: canRequest("retry", status),
    addons: canRequest("addons", status),
    delete: canRequest("delete", status),
    open: status === "running" || status === "updating",
  };
}
