import type { AddonId } from "@/lib/catalog";
import type { EnvironmentPlan } from "@/lib/plan";
import type { OperationStepSpec } from "./create-operation";

const addonStep: Record<AddonId, string> = { monitoring: "install-monitoring", tracing: "install-jaeger", remoteApi: "setup-remote-api" };

/**
 * The step graph that activates add-ons on a running cluster: each add-on's install step from the new plan
 * (what it depended on at install time is already done, so they run side by side), then the health check.
 */
export function buildAddonSteps(plan: EnvironmentPlan, addons: readonly AddonId[]): OperationStepSpec[] {
  const names = new Set(addons.map((a) => addonStep[a]));
  const steps: OperationStepSpec[] = plan.steps.filter((s) => names.has(s.name)).map((s) => ({ ...s, dependsOn: [] }));
  const health = plan.steps.find((s) => s.name === "check-health");
  return health ? [...steps, { ...health, dependsOn: steps.map((s) => s.key) }] : steps;
}
