import { criticalPath } from "./critical-path";
import type { StepLink } from "./find-graph-problems";
import type { EnvironmentPlan, PlanPrice, PlanTotals, QuotaVerdict } from "./types";

export type DiffNode = { id: string; group: string };

export type DiffStep = StepLink & { title: string; estimatedSeconds: number };

/**
 * What a day-2 change does, shown before anything happens: nodes added and removed, resources and price before
 * → after, the quota afterwards, the steps it will run and how long they should take.
 */
export type PlanDiff = {
  nodes: { added: DiffNode[]; removed: DiffNode[]; before: number; after: number };
  resources: { before: PlanTotals; after: PlanTotals };
  price: { before: PlanPrice; after: PlanPrice };
  quota: { ok: boolean; verdicts: QuotaVerdict[] };
  steps: { key: string; title: string; estimatedSeconds: number }[];
  estimate: { criticalPathSeconds: number; sequentialSeconds: number };
};

export function diffPlans(before: EnvironmentPlan, after: EnvironmentPlan, steps: readonly DiffStep[]): PlanDiff {
  const nodesOf = (plan: EnvironmentPlan) =>
    plan.nodeGroups.flatMap((g) => g.nodes.map((n) => ({ id: n.id, group: g.name })));
  const had = nodesOf(before);
  const has = nodesOf(after);
  const ids = (nodes: DiffNode[]) => new Set(nodes.map((n) => n.id));
  const hadIds = ids(had);
  const hasIds = ids(has);
  return {
    nodes: {
      added: has.filter((n) => !hadIds.has(n.id)),
      removed: had.filter((n) => !hasIds.has(n.id)),
      before: before.totals.nodes,
      after: after.totals.nodes,
    },
    resources: { before: { ...before.totals }, after: { ...after.totals } },
    price: { before: { ...before.price }, after: { ...after.price } },
    quota: { ok: after.quota.ok, verdicts: after.quota.verdicts.map((v) => ({ ...v })) },
    steps: steps.map((s) => ({ key: s.key, title: s.title, estimatedSeconds: s.estimatedSeconds })),
    estimate: {
      criticalPathSeconds: criticalPath(steps),
      sequentialSeconds: steps.reduce((sum, s) => sum + s.estimatedSeconds, 0),
    },
  };
}
