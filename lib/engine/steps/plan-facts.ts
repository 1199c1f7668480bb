import { dashboards, ingressControllers, type Dashboard, type IngressController } from "@/lib/catalog";
import type { Resources } from "@/lib/engine/sim";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { ingressControllerWorkload } from "./ingress-controller-workloads";

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

/**
 * What a node can give pods, from its group's flavour: each cloudlet is 400 MHz (≈ 0.4 CPU) and 128 MiB, up to
 * the group's cloudlet limit (vertical scaling lets a node use that much).
 */
export function nodeAllocatable(plan: EnvironmentPlan, nodeId: string): Resources {
  const group =
    plan.nodeGroups.find((g) => g.nodes.some((n) => n.id === nodeId)) ??
    plan.nodeGroups.find((g) => nodeId.startsWith(`${g.id}-`));
  const cloudlets = group?.cloudletLimit ?? 8;
  return { cpuMillis: cloudlets * 400, memoryBytes: cloudlets * 128 * 1024 * 1024 };
}

/** The IngressClass of the cluster's ingress controller: what an Ingress naming none is served by. */
export function clusterIngressClass(plan: EnvironmentPlan, settings: InstallSettings): string {
  return ingressControllerWorkload(ingressControllerOf(plan, settings)).ingressClass;
}
