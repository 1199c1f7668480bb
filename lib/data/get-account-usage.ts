import "server-only";
import { database } from "@/lib/db/database";
import { findActiveEnvironmentPlans } from "@/lib/engine";

export type AccountUsage = {
  environments: number;
  /** Largest values among active environments, to compare with the per-environment quotas. */
  largestEnvironmentNodes: number;
  largestNodeGroup: number;
  largestCloudletLimit: number;
  monthlyPrice: number;
};

export async function getAccountUsage(userId: string): Promise<AccountUsage> {
  const plans = await findActiveEnvironmentPlans(database(), userId);
  return {
    environments: plans.length,
    largestEnvironmentNodes: Math.max(0, ...plans.map((p) => p.totals.nodes)),
    largestNodeGroup: Math.max(0, ...plans.flatMap((p) => p.nodeGroups.map((g) => g.count))),
    largestCloudletLimit: Math.max(0, ...plans.flatMap((p) => p.nodeGroups.map((g) => g.cloudletLimit))),
    monthlyPrice: Math.round(plans.reduce((sum, p) => sum + p.price.monthly, 0) * 100) / 100,
  };
}
