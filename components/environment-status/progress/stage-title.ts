import type { PlanStage } from "@/lib/plan";

/** A stage's title for people: the plan's title, "Teardown" for teardown, else the id itself. */
export function stageTitle(stageId: string, stages: readonly Pick<PlanStage, "id" | "title">[]): string {
  const planned = stages.find((s) => s.id === stageId);
  if (planned) return planned.title;
  if (stageId === "teardown") return "Teardown";
  return stageId.charAt(0).toUpperCase() + stageId.slice(1).replace(/-/g, " ");
}
