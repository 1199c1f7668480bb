import type { AccountPlan } from "./types";

/** Quotas are data: what a topology needs is checked against them, never hard-coded per plan. */
export const accountPlans: readonly AccountPlan[] = [
  {
    id: "trial",
    name: "Trial",
    summary: "Browse the Marketplace. Installing needs a paid plan.",
    canInstall: false,
    monthlyFee: 0,
    quotas: { maxEnvironments: 1, maxNodesPerEnvironment: 2, maxNodesPerGroup: 1, maxCloudletsPerNode: 16 },
    clusterQuota: { maxPods: 110, objects: 500 },
  },
  {
    id: "developer",
    name: "Developer",
    summary: "Development clusters for one engineer.",
    canInstall: true,
    monthlyFee: 0,
    quotas: { maxEnvironments: 3, maxNodesPerEnvironment: 6, maxNodesPerGroup: 4, maxCloudletsPerNode: 32 },
    clusterQuota: { maxPods: 330, objects: 2000 },
  },
  {
    id: "business",
    name: "Business",
    summary: "Highly available production clusters.",
    canInstall: true,
    monthlyFee: 49,
    quotas: { maxEnvironments: 10, maxNodesPerEnvironment: 40, maxNodesPerGroup: 20, maxCloudletsPerNode: 64 },
    clusterQuota: { maxPods: 1100, objects: 4000 },
  },
];

export const defaultAccountPlanId = "developer" as const;
