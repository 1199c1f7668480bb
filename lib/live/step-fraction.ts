import type { StepView } from "@/lib/live/status-snapshot";
import { stepElapsedMs } from "./step-elapsed-ms";

/** A running step never counts as more than this share done, however long it has run. */
export const runningStepCap = 0.95;

/**
 * Share of a step's estimated work done, 0–1: succeeded 1; running elapsed/estimate capped at 95 %;
 * anything else 0 (a failed or retrying attempt is rolled back, so it did no lasting work).
 */
export function stepFraction(
  step: Pick<StepView, "status" | "estimatedMs" | "startedAt" | "finishedAt">,
  now: number,
): number {
  if (step.status === "succeeded") return 1;
  if (step.status !== "running") return 0;
  if (step.estimatedMs <= 0) return runningStepCap;
  return Math.min(runningStepCap, stepElapsedMs(step, now) / step.estimatedMs);
}
