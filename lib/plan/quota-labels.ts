import type { QuotaId } from "@/lib/catalog";

/** The names people see for each quota; messages start with them so a verdict reads on its own. */
export const quotaLabels: Readonly<Record<QuotaId, string>> = {
  maxEnvironments: "Environments",
  maxNodesPerEnvironment: "Nodes per environment",
  maxNodesPerGroup: "Nodes per node group",
  maxCloudletsPerNode: "Cloudlets per node",
};

/** Shared by the plan's verdict and the topology gate so both say the same thing. */
export function describeEnvironmentsFull(limit: number, inUse: number): string {
  const used = inUse === limit ? `all ${limit} are in use` : `${inUse} are in use`;
  return `${quotaLabels.maxEnvironments}: your plan allows ${limit} and ${used}.`;
}
