/**
 * Operation types: install (at submit), cancel, delete, and the day-2 changes on a running cluster (changeTypes
 * below), among them rollback, which undoes a failed change.
 * Operation states.
 *   queued    — created (install at submit, cancel/delete on request); left for running when a runner claims
 *               its first step, or cancelled.
 *   running   — steps are being executed. Left for succeeded (every step succeeded), failed (a step failed
 *               for good) or cancelled (an install being cancelled).
 *   failed    — Retry returns it to running from the failed steps; Delete starts a new operation and leaves
 *               this one failed, as history.
 *   succeeded, cancelled — terminal.
 * At most one operation per environment is queued or running at a time.
 */
export const operationStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type OperationStatus = (typeof operationStatuses)[number];

export const operationTransitions: Readonly<Record<OperationStatus, readonly OperationStatus[]>> = {
  queued: ["running", "cancelled"],
  running: ["succeeded", "failed", "cancelled"],
  failed: ["running"],
  succeeded: [],
  cancelled: [],
};

export {
  canRollBackChange,
  changeTypes,
  isChangeType,
  operationLabels,
  rollbackableChangeTypes,
  type ChangeType,
  type OperationType,
} from "@/lib/environments/operation-types";

export function canOperationTransition(from: OperationStatus, to: OperationStatus): boolean {
  return operationTransitions[from].includes(to);
}
