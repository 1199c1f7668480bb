import type { StepView } from "@/lib/live/status-snapshot";

/**
 * A step in a person's words: its title, and for a step run once per node the node after a dot
 * ("Prepare storage node · storage-1"), never its internal key (`prepare-storage:storage-1`). Attempts are
 * worth a mention only once a step was retried.
 */
export function stepLabel(step: Pick<StepView, "title" | "node" | "attempts" | "maxAttempts">): {
  title: string;
  attempts: string | null;
} {
  const { title, node } = step;
  const base = node !== null && title.endsWith(` ${node}`) ? title.slice(0, -node.length - 1) : title;
  return {
    title: node === null ? base : `${base} · ${node}`,
    attempts: step.attempts > 1 ? `attempt ${step.attempts} of ${step.maxAttempts}` : null,
  };
}
