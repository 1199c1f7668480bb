import {
  nodeGroupById,
  topologies,
  type NodeGroupId,
  type QuotaId,
  type Topology,
  type TopologyId,
} from "@/lib/catalog";
import { countNodes } from "./count-nodes";
import { describeEnvironmentsFull, quotaLabels } from "./quota-labels";
import type { QuotaContext, TopologyAvailability } from "./types";

type Needs = Record<Exclude<QuotaId, "maxEnvironments">, number>;

/**
 * Gates the dialog before any settings exist, like the reference package's onBeforeInit: each topology is
 * checked at its smallest size. Storage is optional, so a topology stays available when it fits without it;
 * the reasons then still say that storage would not fit, quoting both numbers.
 */
export function assessTopologies(quota: QuotaContext): TopologyAvailability[] {
  return (Object.keys(topologies) as TopologyId[]).map((id) => assessTopology(topologies[id], quota));
}

function assessTopology(topology: Topology, { plan, environmentsInUse }: QuotaContext): TopologyAvailability {
  if (!plan.canInstall) {
    return {
      topology: topology.id,
      available: false,
      reasons: [`Not available on the ${plan.name} plan — upgrade to install.`],
    };
  }

  const reasons: string[] = [];
  let available = true;

  if (environmentsInUse >= plan.quotas.maxEnvironments) {
    available = false;
    reasons.push(describeEnvironmentsFull(plan.quotas.maxEnvironments, environmentsInUse));
  }

  const lean = smallestNeeds(topology, false);
  const full = smallestNeeds(topology, true);
  for (const quotaId of Object.keys(lean) as (keyof Needs)[]) {
    const limit = plan.quotas[quotaId];
    if (full[quotaId] <= limit) continue;
    if (lean[quotaId] > limit) available = false;
    const withoutStorage = lean[quotaId] === full[quotaId] ? "" : ` (${lean[quotaId]} without NFS storage)`;
    reasons.push(
      `${quotaLabels[quotaId]}: your plan allows ${limit}, ${topology.name} needs ${full[quotaId]}${withoutStorage}.`,
    );
  }

  return { topology: topology.id, available, reasons };
}

function smallestNeeds(topology: Topology, storage: boolean): Needs {
  const counts = countNodes(topology, { workers: topology.minWorkers, storage });
  const present = (Object.keys(counts) as NodeGroupId[]).filter((id) => counts[id] > 0);
  return {
    maxNodesPerEnvironment: present.reduce((sum, id) => sum + counts[id], 0),
    maxNodesPerGroup: Math.max(0, ...present.map((id) => counts[id])),
    maxCloudletsPerNode: Math.max(0, ...present.map((id) => nodeGroupById[id].cloudletLimit)),
  };
}
