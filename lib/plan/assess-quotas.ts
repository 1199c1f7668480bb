import { maxWorkersAtInstall, type QuotaId } from "@/lib/catalog";
import { describeRequests } from "./assess-addon-requests";
import { describeEnvironmentsFull, describeTooManyWorkers, planLimitLabels, quotaLabels } from "./quota-labels";
import type { AddonRequests, PlanLimitId, PlanNodeGroup, QuotaContext, QuotaVerdict } from "./types";

/** What the plan's limits are checked from: the workers asked for (before any bound) and the add-ons' requests. */
type PlanLimitInput = { requestedWorkers: number; addonRequests: AddonRequests | undefined };

/**
 * One verdict per quota, always all four, so the dialog can show a stable list; then the plan's limits: the
 * workers an install may start with (at install only) and the workers' room for the add-ons (when one runs
 * pods). A plan that cannot install at all (Trial) is not a quota: its verdicts still say how the cluster
 * compares, but `ok` is false.
 */
export function assessQuotas(
  groups: readonly PlanNodeGroup[],
  context: QuotaContext,
  limits?: PlanLimitInput,
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
      // A day-2 plan's environment is already one of those in use: it is not an extra one.
      context.existing
        ? `${quotaLabels.maxEnvironments}: ${inUse + 1} of ${quotas.maxEnvironments} in use, this one included.`
        : `${quotaLabels.maxEnvironments}: ${inUse} of ${quotas.maxEnvironments} in use; this one makes ${inUse + 1}.`,
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
  if (limits && !context.existing) {
    const asked = limits.requestedWorkers;
    verdicts.push(
      verdict(
        "workersAtInstall",
        maxWorkersAtInstall,
        asked,
        describeTooManyWorkers(asked),
        `Workers at install: ${asked} of the ${maxWorkersAtInstall} an install can start with.`,
      ),
    );
  }
  const room = limits?.addonRequests;
  if (room) verdicts.push(workerRoomVerdict(room));

  return { ok: context.plan.canInstall && verdicts.every((v) => v.ok), verdicts };
}

/** Limit and required are in MiB of memory, but `ok` is the scheduler's answer (CPU, memory, one pod per node). */
function workerRoomVerdict(room: AddonRequests): QuotaVerdict {
  const names = room.addons.map((a) => a.name).join(" and ");
  const workers = `${room.workers.count} worker${room.workers.count === 1 ? "" : "s"}`;
  const message = room.fits
    ? `Room on the workers: ${names} request${room.addons.length === 1 ? "s" : ""} ${describeRequests(room.total)} of the ${describeRequests(room.workers)} the ${workers} can give.`
    : `Room on the workers: ${names} request${room.addons.length === 1 ? "s" : ""} ${describeRequests(room.total)}, but the ${workers} (${describeRequests(room.workers)}) ${room.workers.count === 1 ? "has" : "have"} no room for ${room.unplaced.join(", ")}. Add workers or use bigger ones, or leave ${room.addons.length === 1 ? "the add-on" : "an add-on"} out.`;
  return {
    quota: "workerRoom",
    label: planLimitLabels.workerRoom,
    limit: room.workers.memoryMiB,
    required: room.total.memoryMiB,
    ok: room.fits,
    message,
  };
}

function verdict(
  quota: QuotaVerdict["quota"],
  limit: number,
  required: number,
  failure: string,
  success: string,
): QuotaVerdict {
  const ok = required <= limit;
  return {
    quota,
    label: quota in quotaLabels ? quotaLabels[quota as QuotaId] : planLimitLabels[quota as PlanLimitId],
    limit,
    required,
    ok,
    message: ok ? success : failure,
  };
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
