import type { PlanNodeGroup, PlanTotals } from "./types";

export function computeTotals(groups: readonly PlanNodeGroup[]): PlanTotals {
  const totals: PlanTotals = { nodes: 0, reservedCloudlets: 0, cloudletLimit: 0, ramMiB: 0, cpuMHz: 0, diskGb: 0 };
  for (const g of groups) {
    totals.nodes += g.count;
    totals.reservedCloudlets += g.count * g.reservedCloudlets;
    totals.cloudletLimit += g.count * g.cloudletLimit;
    totals.ramMiB += g.count * g.ramMiB;
    totals.cpuMHz += g.count * g.cpuMHz;
    totals.diskGb += g.count * g.diskGb;
  }
  return totals;
}
