import { formatDuration } from "@/lib/format/format-duration";
import type { StepView } from "@/lib/live/status-snapshot";
import { stepElapsedMs } from "./step-elapsed-ms";

/**
 * The duration column of a step: live elapsed while running, the time taken once finished, the backoff left
 * while retrying, the estimate while pending.
 */
export function stepDurationText(
  step: Pick<StepView, "status" | "estimatedMs" | "startedAt" | "finishedAt" | "availableAt">,
  now: number,
): string {
  switch (step.status) {
    case "pending":
      return step.estimatedMs < 1000 ? "under 1 s" : `about ${formatDuration(step.estimatedMs / 1000)}`;
    case "retrying": {
      const wait = step.availableAt === null ? NaN : Date.parse(step.availableAt) - now;
      return Number.isFinite(wait) && wait > 0 ? `retry in ${formatDuration(Math.ceil(wait / 1000))}` : "retrying now";
    }
    case "cancelled":
      if (step.startedAt === null) return "not run";
      return step.finishedAt === null ? "stopped" : formatDuration(stepElapsedMs(step, now) / 1000);
    default:
      return formatDuration(stepElapsedMs(step, now) / 1000);
  }
}
