import type { StepView } from "@/lib/live/status-snapshot";

/**
 * How long a step has taken, in ms: finished steps from start to finish, unfinished started steps (running,
 * retrying) from start to `now` (server-corrected client time). Not started: 0.
 */
export function stepElapsedMs(step: Pick<StepView, "startedAt" | "finishedAt">, now: number): number {
  if (step.startedAt === null) return 0;
  const start = Date.parse(step.startedAt);
  const end = step.finishedAt === null ? now : Date.parse(step.finishedAt);
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : 0;
}
