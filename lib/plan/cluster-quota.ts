import { accountPlans, defaultAccountPlanId, type AccountPlan } from "@/lib/catalog";
import type { ClusterQuota, EnvironmentPlan, PlanNodeGroup } from "./types";

/** kubelet's default `--max-pods`: the most pods one node runs. */
export const maxPodsPerNode = 110;

/**
 * The cluster's ResourceQuota: 110 pods per worker (what its kubelets would run) up to the account tier's
 * cap, and the tier's count of objects. Bounds what the user's workloads and writes may make, so one cluster
 * cannot grow without limit however many replicas it asks for.
 */
export function clusterQuotaOf(groups: readonly PlanNodeGroup[], plan: AccountPlan): ClusterQuota {
  const workers = groups.find((g) => g.role === "worker")?.count ?? 0;
  return { pods: Math.min(maxPodsPerNode * workers, plan.clusterQuota.maxPods), objects: plan.clusterQuota.objects };
}

/** A plan's cluster quota; plans stored before it existed get the default tier's. */
export function clusterQuotaFor(plan: Pick<EnvironmentPlan, "nodeGroups" | "clusterQuota">): ClusterQuota {
  if (plan.clusterQuota) return plan.clusterQuota;
  const tier = accountPlans.find((p) => p.id === defaultAccountPlanId)!;
  return clusterQuotaOf(plan.nodeGroups, tier);
}
