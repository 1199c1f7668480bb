import type { StepView } from "@/lib/live/status-snapshot";
import { stepElapsedMs } from "./step-elapsed-ms";

/** A running step is slow once it has run longer than this many times its estimate. */
const slowFactor = 1.5;

/** True while the step runs longer than 1.5 × its estimate. */
export function isStepSlow(
  step: Pick<StepView, "status" | "estimatedMs" | "startedAt" | "finishedAt">,
  now: number,
): boolean {
  return step.status === "running" && step.estimatedMs > 0 && stepElapsedMs(step, now) > slowFactor * step.estimatedMs;
}
