import type { NodeGroupId, Topology } from "@/lib/catalog";

/** Shared by the plan and the topology gate, so the dialog's gate and the plan it then shows never disagree. */
export function countNodes(
  topology: Topology,
  options: { workers: number; storage: boolean },
): Record<NodeGroupId, number> {
  return {
    k8sm: topology.controlPlanes,
    mbl: topology.apiBalancers,
    cp: Math.max(options.workers, topology.minWorkers),
    storage: options.storage ? topology.storageNodes : 0,
  };
}
