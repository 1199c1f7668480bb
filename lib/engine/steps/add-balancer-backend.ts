import { nodeGroups } from "@/lib/catalog";
import type { Sim, SimMachine } from "@/lib/engine/sim";

/**
 * add-cplane-balancer: puts a control plane behind every running API balancer's TCP 6443 backend (or takes it
 * out). Returns the balancers changed.
 */
export function setBalancerBackend(sim: Sim, controlPlane: SimMachine, present: boolean): string[] {
  const entry = `${controlPlane.nodeId} ${controlPlane.privateIp}:6443`;
  const changed: string[] = [];
  for (const balancer of sim.machines.list({ nodeGroup: nodeGroups.balancers.id, states: ["running"] })) {
    const backends = balancer.facts.backends ?? [];
    const next = present
      ? backends.includes(entry)
        ? backends
        : [...backends, entry]
      : backends.filter((b) => b !== entry);
    if (next.length !== backends.length) {
      sim.machines.mergeFacts(balancer.nodeId, { backends: next });
      changed.push(balancer.nodeId);
    }
  }
  return changed;
}
