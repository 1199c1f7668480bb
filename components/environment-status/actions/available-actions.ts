import { canRequest } from "@/lib/environments/environment-actions";
import type { EnvironmentStatus } from "@/lib/environments/environment-status";
import { isChangeType, operationLabels } from "@/lib/environments/operation-types";
import type { OperationView } from "@/lib/live/status-snapshot";

export type AvailableActions = {
  cancel: boolean;
  retry: boolean;
  rollback: boolean;
  /** A day-2 change can start now. */
  change: boolean;
  /** Why no change can start now, in words; null when one can. */
  changeBlocked: string | null;
  delete: boolean;
  open: boolean;
};

/**
 * What the page offers in a state: the requests the environment's action table allows there (lib/environments/
 * environment-actions.ts), narrowed by the newest operation — a failed change on a running cluster is retried or
 * rolled back before any other change — and Open while the cluster serves (running, or being changed).
 */
export function availableActions(status: EnvironmentStatus, newest?: OperationView): AvailableActions {
  const failedChange = newest !== undefined && newest.status === "failed" && isChangeType(newest.type);
  const change = canRequest("change", status) && !failedChange;
  return {
    cancel: canRequest("cancel", status),
    retry: canRequest("retry", status) && (status !== "running" || failedChange),
    rollback: canRequest("rollback", status) && failedChange && newest.canRollBack,
    change,
    changeBlocked: change ? null : changeBlockedReason(status, failedChange ? newest : undefined),
    delete: canRequest("delete", status),
    open: status === "running" || status === "updating",
  };
}

function changeBlockedReason(status: EnvironmentStatus, failed: OperationView | undefined): string {
  if (failed) {
    return `${operationLabels[failed.type]} failed; ${failed.canRollBack ? "retry it or roll it back" : "retry it"} before making another change.`;
  }
  if (status === "updating") return "A change is in progress; the next one can start when it ends.";
  if (status === "queued" || status === "installing") return "Changes are possible once the install has finished.";
  return "Changes are possible on a running cluster only.";
}
