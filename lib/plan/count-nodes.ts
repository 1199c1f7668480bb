import { nodeGroups, type NodeGroupId, type Topology } from "@/lib/catalog";

/** Shared by the plan and the topology gate, so the dialog's gate and the plan it then shows never disagree. */
export function countNodes(
  topology: Topology,
  options: { workers: number; storage: boolean },
): Record<NodeGroupId, number> {
  return {
    [nodeGroups.controlPlane.id]: topology.controlPlanes,
    [nodeGroups.balancers.id]: topology.apiBalancers,
    [nodeGroups.workers.id]: Math.max(options.workers, topology.minWorkers),
    [nodeGroups.storage.id]: options.storage ? topology.storageNodes : 0,
  };
}
