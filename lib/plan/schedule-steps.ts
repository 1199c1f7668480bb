import type { StepLink } from "./find-graph-problems";
import { topologicalOrder } from "./topological-order";

export type StepWindow = { start: number; finish: number };

/**
 * When each step would start and finish, in seconds from the start of the install, if every step began the
 * moment its dependencies finished and took exactly its estimate. The basis of the ETA and of the
 * critical path; a status page can draw it as a timeline.
 */
export function scheduleSteps(steps: readonly (StepLink & { estimatedSeconds: number })[]): Record<string, StepWindow> {
  const windows: Record<string, StepWindow> = {};
  for (const step of topologicalOrder(steps)) {
    const start = Math.max(0, ...step.dependsOn.map((dep) => windows[dep]?.finish ?? 0));
    windows[step.key] = { start, finish: start + step.estimatedSeconds };
  }
  return windows;
}
