import { canTransition, type EnvironmentStatus } from "./environment-status";

/**
 * What a person may ask of an environment, by state. Each request moves the environment along its transition
 * table (environment-status.ts), and a unit test holds every entry to it; the status page offers exactly
 * these, and the engine refuses the rest with the same rule.
 *   cancel   — an install in progress → cancelling (tear down what it created);
 *   retry    — failed → the state of the failed operation it resumes; running → updating when the newest
 *              operation is a failed day-2 change;
 *   change   — running → updating: a day-2 change (scale, add-ons, storage…); refused while the newest
 *              operation is a failed change, which must be retried or rolled back first;
 *   rollback — running → updating: undo a failed change that added nodes;
 *   delete   — running or failed → deleting.
 */
export const environmentActions = {
  cancel: { from: ["queued", "installing"], to: "cancelling" },
  retry: { from: ["failed", "running"], to: null },
  change: { from: ["running"], to: "updating" },
  rollback: { from: ["running"], to: "updating" },
  delete: { from: ["running", "failed"], to: "deleting" },
} as const satisfies Record<string, { from: readonly EnvironmentStatus[]; to: EnvironmentStatus | null }>;

export type EnvironmentAction = keyof typeof environmentActions;

export function canRequest(action: EnvironmentAction, status: EnvironmentStatus): boolean {
  const rule = environmentActions[action];
  return (
    (rule.from as readonly EnvironmentStatus[]).includes(status) && (rule.to === null || canTransition(status, rule.to))
  );
}
