import type { StepView } from "@/lib/live/status-snapshot";

/** Bounds on the correction, so one odd step cannot make the ETA absurd. */
const ratioBounds = { min: 0.01, max: 10 } as const;

/**
 * How long finished steps really took compared with their estimates: Σ actual / Σ estimate over the
 * succeeded steps that have both timestamps. 1 while nothing has finished (trust the plan).
 */
export function observedRatio(
  steps: readonly Pick<StepView, "status" | "estimatedMs" | "startedAt" | "finishedAt">[],
): number {
  let actual = 0;
  let estimated = 0;
  for (const step of steps) {
    if (step.status !== "succeeded" || step.startedAt === null || step.finishedAt === null || step.estimatedMs <= 0)
      continue;
    const took = Date.parse(step.finishedAt) - Date.parse(step.startedAt);
    if (!Number.isFinite(took)) continue;
    actual += Math.max(0, took);
    estimated += step.estimatedMs;
  }
  if (estimated === 0) return 1;
  return Math.min(ratioBounds.max, Math.max(ratioBounds.min, actual / estimated));
}
