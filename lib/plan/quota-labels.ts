import { maxWorkersAtInstall, type QuotaId } from "@/lib/catalog";
import type { PlanLimitId } from "./types";

/** The names people see for each quota; messages start with them so a verdict reads on its own. */
export const quotaLabels: Readonly<Record<QuotaId, string>> = {
  maxEnvironments: "Environments",
  maxNodesPerEnvironment: "Nodes per environment",
  maxNodesPerGroup: "Nodes per node group",
  maxCloudletsPerNode: "Cloudlets per node",
};

/** The names of the plan's limits checked beside the quotas. */
export const planLimitLabels: Readonly<Record<PlanLimitId, string>> = {
  workersAtInstall: "Workers at install",
  workerRoom: "Room on the workers",
};

/** Shared by the plan's verdict and the topology gate so both say the same thing. */
export function describeEnvironmentsFull(limit: number, inUse: number): string {
  const used = inUse === limit ? `all ${limit} are in use` : `${inUse} are in use`;
  return `${quotaLabels.maxEnvironments}: your plan allows ${limit} and ${used}.`;
}

/**
 * Shared by the plan's verdict and the install schema, so the plan and Install refuse with the same words.
 * Day 2 scales past it: the limit bounds how much one install builds at once, not the cluster.
 */
export function describeTooManyWorkers(requested: number): string {
  return `${planLimitLabels.workersAtInstall}: at most ${maxWorkersAtInstall}, this cluster asks for ${requested}. Start with ${maxWorkersAtInstall} or fewer and scale out later.`;
}
