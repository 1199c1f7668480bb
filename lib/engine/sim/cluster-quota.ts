import type { Sim } from "./create-sim";
import type { ClusterQuotaHard, JsonObject, SimObject } from "./types";

/** The cluster's one ResourceQuota: it lives in "default" and counts the user's pods and objects in every namespace. */
const clusterQuotaName = "clusterport-quota";
export const clusterQuotaRef = { kind: "ResourceQuota", namespace: "default", name: clusterQuotaName } as const;

/** The quota's resource names, as `kubectl describe quota` lists them. */
export const quotaResources = { pods: "pods", objects: "count/objects" } as const;

export type ClusterQuotaSpec = { hard: ClusterQuotaHard };
export type ClusterQuotaStatus = { used: ClusterQuotaHard };

/**
 * An object the user made (through the cluster's API or a custom manifest at install): it keeps its manifest.
 * Pods are counted apart, and events and the quota itself are the cluster's own.
 */
function isUserObject(o: Readonly<SimObject>): boolean {
  if (o.kind === "Pod" || o.kind === "Event" || o.kind === clusterQuotaRef.kind) return false;
  const manifest = (o.spec as JsonObject).manifest;
  return typeof manifest === "object" && manifest !== null;
}

export function countUserObjects(sim: Sim): number {
  return sim.objects.tally(isUserObject);
}

/** What the quota allows now: the plan's (given to the Sim) or, without one, what the ResourceQuota last said. */
export function quotaHard(sim: Sim): ClusterQuotaHard | undefined {
  if (sim.quota) return sim.quota;
  return sim.objects.get<ClusterQuotaSpec>(clusterQuotaRef)?.spec.hard;
}

/**
 * The quota controller's part the pods controller plays: the ResourceQuota holds the hard limits and the pods
 * used (written only when either changes); the objects used are countQuotaObjects' part.
 */
export function writeClusterQuota(sim: Sim, hard: ClusterQuotaHard, usedPods: number): void {
  const existing = sim.objects.get<ClusterQuotaSpec, ClusterQuotaStatus>(clusterQuotaRef);
  sim.objects.apply<ClusterQuotaSpec, ClusterQuotaStatus>({
    ...clusterQuotaRef,
    spec: { hard },
    status: { used: { pods: usedPods, objects: existing?.status.used?.objects ?? countUserObjects(sim) } },
  });
}

/** The quota controller's other part: the user's objects counted on the ResourceQuota (a scan that copies nothing). */
export function countQuotaObjects(sim: Sim): void {
  const existing = sim.objects.get<ClusterQuotaSpec, ClusterQuotaStatus>(clusterQuotaRef);
  if (!existing) return;
  const objects = countUserObjects(sim);
  if (existing.status.used?.objects === objects) return;
  sim.objects.setStatus<ClusterQuotaStatus>(clusterQuotaRef, { used: { ...existing.status.used, objects } });
}

/** The admission's words for a create the quota refuses: `exceeded quota: clusterport-quota, requested: pods=1, used: pods=330, limited: pods=330`. */
export function exceededQuota(resource: string, used: number, limited: number): string {
  return `exceeded quota: ${clusterQuotaName}, requested: ${resource}=1, used: ${resource}=${used}, limited: ${resource}=${limited}`;
}
