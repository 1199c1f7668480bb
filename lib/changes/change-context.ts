import { nodeGroups } from "@/lib/catalog";
import type { ChangeRequest, OperationStepSpec } from "@/lib/engine";
import {
  computePlan,
  diffPlans,
  nodeIndex,
  type EnvironmentPlan,
  type PlanDiff,
  type PlanStep,
  type QuotaContext,
} from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";

/** What every change is prepared from: the running cluster as it is now. */
export type ChangeContext = {
  settings: InstallSettings;
  plan: EnvironmentPlan;
  quota: QuotaContext;
  /** Every node id the environment's machines ever had, removed ones included: new ids continue past them. */
  machineIds: readonly string[];
  /** The registry credentials the cluster has now (no password), or null. */
  registry: RegistryCredentialsView | null;
};

export type RegistryCredentialsView = { registry: string; username: string; email: string };

/** A change ready to request: new settings and plan, its step graph, its parameters in words, and its diff. */
export type PreparedChange = Omit<ChangeRequest, "environmentId" | "actorId" | "now" | "encryptionKey"> & {
  diff: PlanDiff;
};

/** The worker ids of a plan, in plan order. */
export function workerIds(plan: EnvironmentPlan): string[] {
  return plan.nodeGroups.find((g) => g.id === nodeGroups.workers.id)?.nodes.map((n) => n.id) ?? [];
}

/**
 * The plan for new settings on this cluster: the workers keep their ids (or take `workers`). The cluster is
 * one of the environments in use, not an extra one, and the install's limits no longer apply.
 */
export function replan(
  ctx: ChangeContext,
  settings: InstallSettings,
  workers: readonly string[] = workerIds(ctx.plan),
): EnvironmentPlan {
  return computePlan(
    { ...settings, workers: workers.length },
    { ...ctx.quota, existing: true },
    { [nodeGroups.workers.id]: workers },
  );
}

/** The next `count` worker ids past the highest any worker ever had. */
export function nextWorkerIds(ctx: ChangeContext, count: number): string[] {
  const used = [...ctx.machineIds, ...workerIds(ctx.plan)]
    .filter((id) => id.startsWith(`${nodeGroups.workers.id}-`))
    .map(nodeIndex);
  const highest = Math.max(0, ...used);
  return Array.from({ length: count }, (_, i) => `${nodeGroups.workers.id}-${highest + i + 1}`);
}

/** A step of the new plan's install graph, reused in a change with its own dependencies. */
export function planStep(plan: EnvironmentPlan, key: string, dependsOn: readonly string[]): OperationStepSpec {
  const step: PlanStep | undefined = plan.steps.find((s) => s.key === key);
  if (!step) throw new Error(`The plan has no step ${key}.`);
  return { ...step, dependsOn: [...dependsOn] };
}

/** The health check every change ends with, after everything else. */
function healthCheck(plan: EnvironmentPlan, steps: readonly OperationStepSpec[]): OperationStepSpec {
  const dependedOn = new Set(steps.flatMap((s) => s.dependsOn));
  return planStep(
    plan,
    "check-health",
    steps.filter((s) => !dependedOn.has(s.key)).map((s) => s.key),
  );
}

/** Assembles a prepared change: the health check appended, the diff computed. */
export function prepared(
  ctx: ChangeContext,
  change: Omit<PreparedChange, "diff" | "steps"> & { steps: OperationStepSpec[] },
): PreparedChange {
  const steps = [...change.steps, healthCheck(change.plan, change.steps)];
  return { ...change, steps, diff: diffPlans(ctx.plan, change.plan, steps) };
}

/**
 * Quotas a change would break, as sentences: a verdict that fails afterwards and needs more than before. A
 * change that grows nothing (scaling in, on an account whose plan has since shrunk) is never refused.
 */
export function quotaProblems(ctx: ChangeContext, after: EnvironmentPlan): string[] {
  const before = replan(ctx, ctx.settings).quota.verdicts;
  return after.quota.verdicts
    .filter((v) => !v.ok && v.required > (before.find((b) => b.quota === v.quota)?.required ?? 0))
    .map((v) => v.message);
}
