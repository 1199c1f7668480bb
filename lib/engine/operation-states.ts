/**
 * Operation types: install (at submit), addons (day-2 activation on a running cluster), cancel, delete.
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

export const activeOperationStatuses: readonly OperationStatus[] = ["queued", "running"];

export type OperationType = "install" | "addons" | "cancel" | "delete";

export const operationLabels: Readonly<Record<OperationType, string>> = {
  install: "Install",
  addons: "Activate add-ons",
  cancel: "Cancel install",
  delete: "Delete",
};

export function canOperationTransition(from: OperationStatus, to: OperationStatus): boolean {
  return operationTransitions[from].includes(to);
}
