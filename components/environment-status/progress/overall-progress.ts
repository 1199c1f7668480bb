import type { StepView } from "@/lib/live/status-snapshot";
import { stepFraction } from "@/lib/live/step-fraction";

/**
 * Percentage (0–100) of the operation's estimated work done: Σ estimate × share done / Σ estimate, where a
 * running step counts by elapsed/estimate capped at 95 %. Steps without an estimate weigh as much as the
 * average step, so they still count.
 */
export function overallProgress(
  steps: readonly Pick<StepView, "status" | "estimatedMs" | "startedAt" | "finishedAt">[],
  now: number,
): number {
  if (steps.length === 0) return 0;
  const known = steps.filter((s) => s.estimatedMs > 0);
  const fallback = known.length > 0 ? known.reduce((sum, s) => sum + s.estimatedMs, 0) / known.length : 1;
  let total = 0;
  let done = 0;
  for (const step of steps) {
    const weight = step.estimatedMs > 0 ? step.estimatedMs : fallback;
    total += weight;
    done += weight * stepFraction(step, now);
  }
  return total > 0 ? (100 * done) / total : 0;
}
