import { dashboards, ingressControllers, type Dashboard, type IngressController } from "@/lib/catalog";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";

/** Whether the plan contains a step of this name. */
export function planHasStep(plan: EnvironmentPlan, name: string): boolean {
  return plan.steps.some((s) => s.name === name);
}

/** The node ids of one group, in plan order. */
export function planNodeIds(plan: EnvironmentPlan, group: string): string[] {
  return plan.nodeGroups.find((g) => g.id === group)?.nodes.map((n) => n.id) ?? [];
}

/** NFS storage is on exactly when the plan has storage nodes. */
export function planHasStorage(plan: EnvironmentPlan): boolean {
  return planNodeIds(plan, "storage").length > 0;
}

/** The ingress controller the plan installs (by its step), falling back like resolveSettings does. */
export function ingressControllerOf(plan: EnvironmentPlan, settings: InstallSettings): IngressController {
  return (
    ingressControllers.find((c) => planHasStep(plan, c.installStep)) ??
    ingressControllers.find((c) => c.id === settings.ingress) ??
    ingressControllers[0]!
  );
}

/** The dashboard chosen in the settings, falling back to the catalogue's default as resolveSettings does. */
export function dashboardOf(settings: InstallSettings): Dashboard {
  return dashboards.find((d) => d.id === settings.dashboard) ?? dashboards[0]!;
}

/** "mbl.<domain>:6443" in production (the balancers), "k8sm.<domain>:6443" otherwise: kubeadm's controlPlaneEndpoint. */
export function controlPlaneEndpoint(plan: EnvironmentPlan): string {
  return plan.endpoints.apiServer.replace(/^https:\/\//, "");
}
