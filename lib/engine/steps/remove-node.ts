import { reconcileCluster, type EtcdMemberSpec } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { setBalancerBackend } from "./add-balancer-backend";
import { platformError } from "./platform-error";
import { simOf } from "./sim-of";

/**
 * remove-node:<any machine> (teardown, scale-in) — deletes the machine's Node and etcd member (if any), takes it
 * out of the API balancers, stops the machine and marks it removed. A machine already removed or never created
 * is a no-op.
 */
export const removeNode: StepHandler = (ctx) => {
  const nodeId = ctx.step.node;
  if (nodeId === undefined)
    throw platformError("step-without-node", `Step ${ctx.step.key} must name a node (remove-node:<node>).`);
  const sim = simOf(ctx);
  const machine = sim.machines.get(nodeId);
  if (!machine || machine.state === "removed") {
    ctx.log(`${nodeId} ${machine ? "is already removed" : "was never created"}; nothing to do.`);
    return { node: nodeId };
  }
  const member = sim.objects.get<EtcdMemberSpec>({ kind: "EtcdMember", name: nodeId });
  if (member) {
    ctx.log(`etcdctl member remove ${member.spec.memberId} (${nodeId})`);
    sim.objects.delete({ kind: "EtcdMember", name: nodeId });
  }
  const balancers = setBalancerBackend(sim, machine, false);
  if (balancers.length > 0) ctx.log(`HAProxy ${balancers.join(", ")}: backend ${nodeId} removed`);
  if (sim.objects.delete({ kind: "Node", name: nodeId })) ctx.log(`node "${nodeId}" deleted`);
  ctx.log(`Stopping ${nodeId} (${machine.privateIp}) and deleting its container`);
  sim.machines.setState(nodeId, "removed");
  reconcileCluster(sim);
  ctx.log(`${nodeId} removed`);
  return { node: nodeId };
};
