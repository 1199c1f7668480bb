import { describeEnvironmentsFull, quotaLabels } from "./quota-labels";
import type { PlanNodeGroup, QuotaContext, QuotaVerdict } from "./types";

/**
 * One verdict per quota, always all four, so the dialog can show a stable list. A plan that cannot install
 * at all (Trial) is not a quota: its verdicts still say how the cluster compares, but `ok` is false.
 */
export function assessQuotas(
  groups: readonly PlanNodeGroup[],
  context: QuotaContext,
): { ok: boolean; verdicts: QuotaVerdict[] } {
  const { quotas } = context.plan;
  const largestGroup = largestBy(groups, (g) => g.count);
  const roomiestGroup = largestBy(groups, (g) => g.cloudletLimit);
  const nodes = groups.reduce((sum, g) => sum + g.count, 0);
  const inUse = context.environmentsInUse;

  const verdicts: QuotaVerdict[] = [
    verdict(
      "maxEnvironments",
      quotas.maxEnvironments,
      inUse + 1,
      describeEnvironmentsFull(quotas.maxEnvironments, inUse),
      `${quotaLabels.maxEnvironments}: ${inUse} of ${quotas.maxEnvironments} in use; this one makes ${inUse + 1}.`,
    ),
    verdict(
      "maxNodesPerEnvironment",
      quotas.maxNodesPerEnvironment,
      nodes,
      `${quotaLabels.maxNodesPerEnvironment}: your plan allows ${quotas.maxNodesPerEnvironment}, this cluster needs ${nodes}.`,
      `${quotaLabels.maxNodesPerEnvironment}: this cluster needs ${nodes} of the ${quotas.maxNodesPerEnvironment} your plan allows.`,
    ),
    verdict(
      "maxNodesPerGroup",
      quotas.maxNodesPerGroup,
      largestGroup.value,
      `${quotaLabels.maxNodesPerGroup}: your plan allows ${quotas.maxNodesPerGroup}, this cluster needs ${largestGroup.value} (${largestGroup.name}).`,
      `${quotaLabels.maxNodesPerGroup}: the largest group (${largestGroup.name}) has ${largestGroup.value} of the ${quotas.maxNodesPerGroup} your plan allows.`,
    ),
    verdict(
      "maxCloudletsPerNode",
      quotas.maxCloudletsPerNode,
      roomiestGroup.value,
      `${quotaLabels.maxCloudletsPerNode}: your plan allows ${quotas.maxCloudletsPerNode}, this cluster needs ${roomiestGroup.value} (${roomiestGroup.name}).`,
      `${quotaLabels.maxCloudletsPerNode}: nodes scale up to ${roomiestGroup.value} of the ${quotas.maxCloudletsPerNode} your plan allows.`,
    ),
  ];

  return { ok: context.plan.canInstall && verdicts.every((v) => v.ok), verdicts };
}

function verdict(
  quota: QuotaVerdict["quota"],
  limit: number,
  required: number,
  failure: string,
  success: string,
): QuotaVerdict {
  const ok = required <= limit;
  return { quota, label: quotaLabels[quota], limit, required, ok, message: ok ? success : failure };
}

/** On a tie the first group in display order wins, which keeps messages stable. */
function largestBy(groups: readonly PlanNodeGroup[], measure: (g: PlanNodeGroup) => number) {
  let best = { value: 0, name: "" };
  for (const g of groups) {
    const value = measure(g);
    if (value > best.value) best = { value, name: g.name };
  }
  return best;
}
