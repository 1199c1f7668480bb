import type { StepView } from "@/lib/live/status-snapshot";

/**
 * How long a step has taken, in ms: finished steps from their first start to finish (retries included),
 * unfinished started steps (running, retrying) from the current attempt's start to `now` (server-corrected
 * client time), so a retried step's progress starts again. Not started: 0.
 */
export function stepElapsedMs(
  step: Pick<StepView, "startedAt" | "finishedAt"> & { attemptStartedAt?: string | null },
  now: number,
): number {
  const from = step.finishedAt === null ? (step.attemptStartedAt ?? step.startedAt) : step.startedAt;
  if (from === null) return 0;
  const start = Date.parse(from);
  const end = step.finishedAt === null ? now : Date.parse(step.finishedAt);
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : 0;
}
