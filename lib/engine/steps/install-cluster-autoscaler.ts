import { nodeGroups } from "@/lib/catalog";
import { applyDeployment, reconcileCluster } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { simOf } from "./sim-of";

const clusterAutoscaler = {
  namespace: "kube-system",
  name: "cluster-autoscaler",
  image: "registry.k8s.io/autoscaling/cluster-autoscaler:v1.32.1",
};

/**
 * install-cluster-autoscaler — cluster-autoscaler in kube-system, configured with the workers' range from the
 * settings (its flags, and the status ConfigMap it keeps). Clusterport's own loop makes the decisions (lib/autoscaler),
 * as the managed clouds run theirs outside the cluster; this Deployment is what kubectl shows of it. Applied
 * again with a new range, it is reconfigured.
 */
export const installClusterAutoscaler: StepHandler = (ctx) => {
  const range = ctx.environment.settings.autoscaling;
  if (!range) throw new Error("install-cluster-autoscaler: the settings have no autoscaling range.");
  const sim = simOf(ctx);
  const flags = `--nodes=${range.minWorkers}:${range.maxWorkers}:${nodeGroups.workers.id} --scale-down-unneeded-time=10m --scale-down-utilization-threshold=0.5`;
  ctx.log(
    `helm upgrade --install cluster-autoscaler autoscaler/cluster-autoscaler -n kube-system --set extraArgs="${flags}"`,
  );
  const result = applyDeployment(sim, {
    ...clusterAutoscaler,
    placement: "nodes",
    labels: { app: "cluster-autoscaler" },
    replicas: 1,
  });
  sim.objects.apply({
    kind: "ConfigMap",
    namespace: clusterAutoscaler.namespace,
    name: "cluster-autoscaler-status",
    spec: { data: { minWorkers: String(range.minWorkers), maxWorkers: String(range.maxWorkers), flags } },
  });
  reconcileCluster(sim);
  ctx.log(`deployment.apps/${clusterAutoscaler.name} ${result}: workers ${range.minWorkers}–${range.maxWorkers}`);
  return { minWorkers: range.minWorkers, maxWorkers: range.maxWorkers };
};

/** remove-cluster-autoscaler — the autoscaler's Deployment and status go; the workers stay as they are. */
export const removeClusterAutoscaler: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  const removed = sim.objects.delete({ kind: "Deployment", ...clusterAutoscaler });
  sim.objects.delete({ kind: "ConfigMap", namespace: clusterAutoscaler.namespace, name: "cluster-autoscaler-status" });
  reconcileCluster(sim);
  ctx.log(
    removed
      ? "helm uninstall cluster-autoscaler -n kube-system"
      : "cluster-autoscaler is not installed; nothing to remove.",
  );
  return { removed };
};
