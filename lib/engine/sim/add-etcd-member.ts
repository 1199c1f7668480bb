import type { Sim } from "./create-sim";
import { numericHash } from "./short-hash";
import type { ApplyResult, EtcdMemberSpec, SimMachine } from "./types";

/** Adds the machine's stacked etcd member (kind EtcdMember, cluster-scoped, named after the node). */
export function addEtcdMember(sim: Sim, machine: SimMachine): ApplyResult {
  const spec: EtcdMemberSpec = {
    nodeName: machine.nodeId,
    memberId:
      (numericHash(`${sim.environmentId}/${machine.nodeId}`) >>> 0).toString(16).padStart(8, "0") +
      (numericHash(machine.privateIp) >>> 0).toString(16).padStart(8, "0"),
    peerUrl: `https://${machine.privateIp}:2380`,
    clientUrl: `https://${machine.privateIp}:2379`,
  };
  return sim.objects.apply({ kind: "EtcdMember", name: machine.nodeId, spec, status: { health: "healthy" } }).result;
}
