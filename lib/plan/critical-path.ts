import type { StepLink } from "./find-graph-problems";
import { scheduleSteps } from "./schedule-steps";

/** The longest chain of estimated seconds through the graph: how long the install takes with unlimited parallelism. */
export function criticalPath(steps: readonly (StepLink & { estimatedSeconds: number })[]): number {
  return Math.max(0, ...Object.values(scheduleSteps(steps)).map((w) => w.finish));
}
