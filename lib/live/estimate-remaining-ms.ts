import type { StepView } from "@/lib/live/status-snapshot";
import { observedRatio } from "./observed-ratio";
import { stepElapsedMs } from "./step-elapsed-ms";
import { runningStepCap } from "./step-fraction";

/** A step as the ETA needs it. */
export type EtaStep = Pick<
  StepView,
  | "key"
  | "name"
  | "stage"
  | "status"
  | "estimatedMs"
  | "dependsOn"
  | "startedAt"
  | "attemptStartedAt"
  | "finishedAt"
  | "availableAt"
>;

/**
 * Time left for the operation, in whole ms, or null when it cannot finish on its own (a step failed).
 *
 * 1. ratio = Σ actual / Σ estimate over succeeded steps (1 while none has finished): how far this run
 *    deviates from the plan's estimates (machine speed, time scale, jitter).
 * 2. Each unfinished step's own remaining time: pending estimate × ratio; retrying the backoff still to wait
 *    plus estimate × ratio; running estimate × ratio minus elapsed, but at least 5 % of estimate × ratio
 *    (the share a running step is never counted as done).
 * 3. The longest chain of those through the unfinished steps along `dependsOn`: the remaining critical
 *    path, since independent steps run side by side.
 */
export function estimateRemainingMs(steps: readonly EtaStep[], now: number): number | null {
  if (steps.some((s) => s.status === "failed")) return null;
  const unfinished = steps.filter((s) => s.status !== "succeeded" && s.status !== "cancelled");
  if (unfinished.length === 0) return 0;
  const ratio = observedRatio(steps);
  const own = (step: EtaStep): number => {
    const expected = step.estimatedMs * ratio;
    if (step.status === "running")
      return Math.max(expected - stepElapsedMs(step, now), expected * (1 - runningStepCap));
    if (step.status === "retrying") {
      const wait = step.availableAt === null ? 0 : Math.max(0, Date.parse(step.availableAt) - now);
      return (Number.isFinite(wait) ? wait : 0) + expected;
    }
    return expected;
  };

  const byKey = new Map(unfinished.map((s) => [s.key, s]));
  const finish = new Map<string, number>();
  const visiting = new Set<string>();
  const finishOf = (step: EtaStep): number => {
    const known = finish.get(step.key);
    if (known !== undefined) return known;
    if (visiting.has(step.key)) return 0; // a cycle cannot happen in a plan; never loop on bad data
    visiting.add(step.key);
    let start = 0;
    for (const dep of step.dependsOn) {
      const before = byKey.get(dep);
      if (before) start = Math.max(start, finishOf(before));
    }
    visiting.delete(step.key);
    const end = start + own(step);
    finish.set(step.key, end);
    return end;
  };
  return Math.round(Math.max(0, ...unfinished.map(finishOf)));
}
