/**
 * Environment states.
 *   queued      — entered when an install is submitted; left when the engine starts installing, or cancelled.
 *   installing  — the install operation runs; left for running, failed or cancelling.
 *   running     — the cluster is up; left for updating (a day-2 change, its retry or its rollback) or deleting.
 *   updating    — a day-2 change runs on the running cluster; left for running whether it succeeds or fails
 *                 (a failed change leaves the cluster usable; the change is then retried or rolled back).
 *   failed      — an install, cancel or delete stopped on an error; Retry returns to the state of the operation
 *                 it resumes (installing, cancelling, deleting; updating for a change that failed before
 *                 changes left the cluster running), Delete goes to deleting.
 *   cancelling  — an install is being stopped and what it created torn down; left for cancelled.
 *   cancelled   — terminal; the name and quota are released.
 *   deleting    — teardown runs; left for deleted.
 *   deleted     — terminal; the name and quota are released, the record stays.
 * Raw status strings never appear in components: use these helpers. The table is the law: the engine's one
 * transition function (lib/engine/store/transition.ts) refuses any move it does not list.
 */
export const environmentStatuses = [
  "queued",
  "installing",
  "running",
  "updating",
  "failed",
  "cancelling",
  "cancelled",
  "deleting",
  "deleted",
] as const;

export type EnvironmentStatus = (typeof environmentStatuses)[number];

export const environmentTransitions: Readonly<Record<EnvironmentStatus, readonly EnvironmentStatus[]>> = {
  queued: ["installing", "cancelling"],
  installing: ["running", "failed", "cancelling"],
  running: ["updating", "deleting"],
  updating: ["running"],
  failed: ["installing", "updating", "cancelling", "deleting"],
  cancelling: ["cancelled", "failed"],
  cancelled: [],
  deleting: ["deleted", "failed"],
  deleted: [],
};

export function canTransition(from: EnvironmentStatus, to: EnvironmentStatus): boolean {
  return environmentTransitions[from].includes(to);
}

export function isEnvironmentStatus(value: string): value is EnvironmentStatus {
  return (environmentStatuses as readonly string[]).includes(value);
}

/** Terminal states release the environment's name and its share of the account's quota. */
export function isTerminal(status: EnvironmentStatus): boolean {
  return environmentTransitions[status].length === 0;
}

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger";

export const environmentStatusLabels: Readonly<Record<EnvironmentStatus, { label: string; tone: StatusTone }>> = {
  queued: { label: "Queued", tone: "neutral" },
  installing: { label: "Installing", tone: "info" },
  running: { label: "Running", tone: "success" },
  updating: { label: "Updating", tone: "info" },
  failed: { label: "Failed", tone: "danger" },
  cancelling: { label: "Cancelling", tone: "warning" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  deleting: { label: "Deleting", tone: "warning" },
  deleted: { label: "Deleted", tone: "neutral" },
};

/** States that count against the account's environment quota (everything not terminal). */
export const activeEnvironmentStatuses: readonly EnvironmentStatus[] = environmentStatuses.filter(
  (s) => !isTerminal(s),
);
