/**
 * Step states.
 *   pending   — created with the operation, or reset by Retry; claimable once every dependency succeeded
 *               (pendingDeps = 0). Left for running (claimed) or cancelled.
 *   running   — claimed by a runner under a lease. Left for succeeded, retrying or failed by that runner; a
 *               runner whose lease expired (crashed) loses it: another claims the step again (running → running).
 *   retrying  — failed transiently with attempts left; claimable again at availableAt (backoff).
 *   succeeded — terminal; its effects were committed in the same transaction.
 *   failed    — ran out of attempts or failed permanently (which fails its operation); Retry resets it to pending.
 *   cancelled — terminal; the operation was cancelled before the step finished (a runner still holding it then
 *               finds its lease gone and commits nothing).
 */
export const stepStatuses = ["pending", "running", "retrying", "succeeded", "failed", "cancelled"] as const;
export type StepStatus = (typeof stepStatuses)[number];

export const stepTransitions: Readonly<Record<StepStatus, readonly StepStatus[]>> = {
  pending: ["running", "cancelled"],
  running: ["running", "succeeded", "retrying", "failed", "cancelled"],
  retrying: ["running", "cancelled"],
  succeeded: [],
  failed: ["pending"],
  cancelled: [],
};

/** States from which a runner may claim a step (running only when its lease has expired). */
export const claimableStepStatuses: readonly StepStatus[] = ["pending", "retrying", "running"];

export function canStepTransition(from: StepStatus, to: StepStatus): boolean {
  return stepTransitions[from].includes(to);
}
