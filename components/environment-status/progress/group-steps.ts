import type { StepView } from "@/lib/live/status-snapshot";
import type { PlanStage } from "@/lib/plan";
import { stageTitle } from "./stage-title";

/** What a folded row of per-node steps shows about all of them together. */
export type FanOutSummary = Pick<StepView, "status" | "startedAt" | "finishedAt" | "attempts" | "maxAttempts"> & {
  /** How many of the steps succeeded. */
  done: number;
};

export type TimelineRow =
  | { kind: "step"; step: StepView }
  | { kind: "fan-out"; id: string; name: string; title: string; steps: StepView[]; summary: FanOutSummary };

export type TimelineStage = { id: string; title: string; rows: TimelineRow[] };

/**
 * The steps as a timeline: stages in plan order (then any others, such as "teardown", as they appear), and in
 * each stage one row per step name, in order of first appearance. A name with several steps in the stage
 * (fanned out per node) becomes one folded row holding the per-node steps.
 */
export function groupSteps(
  steps: readonly StepView[],
  stages: readonly Pick<PlanStage, "id" | "title">[],
): TimelineStage[] {
  const byStage = new Map<string, Map<string, StepView[]>>();
  for (const step of steps) {
    let names = byStage.get(step.stage);
    if (!names) byStage.set(step.stage, (names = new Map()));
    const same = names.get(step.name);
    if (same) same.push(step);
    else names.set(step.name, [step]);
  }
  const planned = stages.map((s) => s.id as string).filter((id) => byStage.has(id));
  const others = [...byStage.keys()].filter((id) => !planned.includes(id));
  return [...planned, ...others].map((id) => ({
    id,
    title: stageTitle(id, stages),
    rows: [...(byStage.get(id)?.entries() ?? [])].map(([name, group]): TimelineRow => {
      const [first] = group;
      if (group.length === 1 && first) return { kind: "step", step: first };
      return {
        kind: "fan-out",
        id: `${id}/${name}`,
        name,
        title: fanOutTitle(name, group),
        steps: group,
        summary: summarise(group),
      };
    }),
  }));
}

/** "Prepare instance k8sm-1", "Prepare instance cp-1" → "Prepare instance"; differing titles → the step name. */
function fanOutTitle(name: string, group: readonly StepView[]): string {
  const stripped = new Set(
    group.map((s) => (s.node !== null && s.title.endsWith(s.node) ? s.title.slice(0, -s.node.length).trim() : s.title)),
  );
  const [only] = stripped;
  return stripped.size === 1 && only ? only : name;
}

function summarise(group: readonly StepView[]): FanOutSummary {
  const has = (status: StepView["status"]) => group.some((s) => s.status === status);
  const all = (status: StepView["status"]) => group.every((s) => s.status === status);
  const status: StepView["status"] = has("failed")
    ? "failed"
    : has("retrying")
      ? "retrying"
      : has("running")
        ? "running"
        : all("succeeded")
          ? "succeeded"
          : all("pending")
            ? "pending"
            : has("cancelled")
              ? "cancelled"
              : "running"; // some done, the rest waiting their turn: the group is under way
  const starts = group
    .map((s) => s.startedAt)
    .filter((t): t is string => t !== null)
    .sort();
  const ends = group.map((s) => s.finishedAt);
  const finished = ends.every((t) => t !== null) ? (ends as string[]).sort() : null;
  return {
    status,
    startedAt: starts[0] ?? null,
    finishedAt: finished ? (finished[finished.length - 1] ?? null) : null,
    attempts: Math.max(0, ...group.map((s) => s.attempts)),
    maxAttempts: Math.max(0, ...group.map((s) => s.maxAttempts)),
    done: group.filter((s) => s.status === "succeeded").length,
  };
}
