import { nodeGroups } from "@/lib/catalog";
import { addControlPlanePods, addEtcdMember, reconcileCluster, registerNode } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { setBalancerBackend } from "./add-balancer-backend";
import { kubeVersion } from "./component-versions";
import { nodeAllocatable } from "./plan-facts";
import { joinCommand, readJoinMaterial } from "./read-join-material";
import { requirePlanNode } from "./require-plan-node";
import { requireRunningMachine } from "./require-running-machine";
import { simOf } from "./sim-of";

/**
 * init-secondary-cplane:k8sm-N — `kubeadm join --control-plane` with the init's token and CA hash: Node
 * k8sm-N, its static pods, a new stacked etcd member; then add-cplane-balancer puts it behind the balancers.
 */
export const initSecondaryCplane: StepHandler = (ctx) => {
  const { node } = requirePlanNode(ctx, [nodeGroups.controlPlane.id]);
  const sim = simOf(ctx);
  const machine = requireRunningMachine(sim, node.id, `join control plane ${node.id}`);
  const { info } = readJoinMaterial(ctx, sim, `join control plane ${node.id}`);
  const joined =
    machine.facts.kubeadm !== undefined &&
    sim.objects.get({ kind: "Node", name: node.id }) !== undefined &&
    sim.objects.get({ kind: "EtcdMember", name: node.id }) !== undefined;
  if (joined) {
    ctx.log(`${node.id} is already a control plane of the cluster; nothing to do.`);
    return { node: node.id };
  }
  const version = kubeVersion(ctx.environment.plan.version);
  ctx.log(joinCommand(info, true));
  ctx.log("[preflight] Running pre-flight checks");
  ctx.log('[download-certs] Downloading the certificates in Secret "kubeadm-certs" in the "kube-system" Namespace');
  registerNode(sim, machine, "control-plane", version, nodeAllocatable(ctx.environment.plan, machine.nodeId));
  addControlPlanePods(sim, node.id, version);
  addEtcdMember(sim, machine);
  sim.machines.mergeFacts(node.id, { kubeadm: "join-control-plane" });
  const balancers = setBalancerBackend(sim, machine, true);
  reconcileCluster(sim);
  const members = sim.objects.list("EtcdMember").length;
  ctx.log(`[etcd] Announced new etcd member joining to the existing etcd cluster (${members} members)`);
  ctx.log(
    `[mark-control-plane] Marking the node ${node.id} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane]`,
  );
  if (balancers.length > 0)
    ctx.log(`HAProxy ${balancers.join(", ")}: backend ${node.id} ${machine.privateIp}:6443 added`);
  ctx.log("This node has joined the cluster and a new control plane instance was created.");
  return { node: node.id, etcdMembers: members };
};
