import type { Sim } from "./create-sim";
import type { ApplyResult, NodeRole, NodeSpec, NodeStatus, Resources, SimMachine } from "./types";

/**
 * The kubelet of `machine` registers its Node object (named after the node id). It starts NotReady;
 * reconcileCluster decides readiness (machine running and the CNI installed).
 */
export function registerNode(
  sim: Sim,
  machine: SimMachine,
  role: NodeRole,
  kubeletVersion: string,
  allocatable: Resources,
): ApplyResult {
  const ref = { kind: "Node", name: machine.nodeId };
  const existing = sim.objects.get<NodeSpec>(ref);
  const spec: NodeSpec = {
    role,
    hostname: machine.hostname,
    internalIp: machine.privateIp,
    kubeletVersion,
    unschedulable: existing?.spec.unschedulable ?? false,
    allocatable,
  };
  const initial: NodeStatus = { ready: false, reason: "KubeletNotReady: node is registering" };
  return sim.objects.apply({ ...ref, spec, ...(existing ? {} : { status: initial }) }).result;
}
