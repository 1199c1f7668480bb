import { nodeGroups } from "@/lib/catalog";
import { reconcileCluster, registerNode, type NodeStatus } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { kubeVersion } from "./component-versions";
import { controlPlaneEndpoint, nodeAllocatable } from "./plan-facts";
import { platformError } from "./platform-error";
import { joinCommand, readJoinMaterial } from "./read-join-material";
import { requirePlanNode } from "./require-plan-node";
import { requireRunningMachine } from "./require-running-machine";
import { simOf } from "./sim-of";

/**
 * connect-worker:cp-N — `kubeadm join` with the init's token and CA hash, then worker-config labels. The Node
 * is Ready at once when the CNI is already installed, else after setup-overlay.
 * Fault "worker-never-joins": the TLS bootstrap times out (permanent, platform) for cp-1 at install, and for
 * every worker joining a running cluster.
 */
export const connectWorker: StepHandler = (ctx) => {
  const { node } = requirePlanNode(ctx, [nodeGroups.workers.id]);
  if (
    ctx.faults.has("worker-never-joins") &&
    (ctx.operation.type === "install" ? node.id === `${nodeGroups.workers.id}-1` : true)
  ) {
    throw platformError(
      "worker-join-timeout",
      `Worker ${node.id} did not join: its kubelet could not reach the API server at ${controlPlaneEndpoint(ctx.environment.plan)} (TLS bootstrap timed out).`,
    );
  }
  const sim = simOf(ctx);
  const machine = requireRunningMachine(sim, node.id, `join worker ${node.id}`);
  const { info } = readJoinMaterial(ctx, sim, `join worker ${node.id}`);
  const existing = sim.objects.get<unknown, NodeStatus>({ kind: "Node", name: node.id });
  if (existing && machine.facts.kubeadm === "join-worker") {
    ctx.log(
      `${node.id} has already joined the cluster (${existing.status.ready ? "Ready" : "NotReady"}); nothing to do.`,
    );
    return { node: node.id, ready: existing.status.ready };
  }
  ctx.log(joinCommand(info, false));
  ctx.log("[preflight] Running pre-flight checks");
  ctx.log('[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"');
  ctx.log("[kubelet-start] Starting the kubelet");
  ctx.log("[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap");
  registerNode(
    sim,
    machine,
    "worker",
    kubeVersion(ctx.environment.plan.version),
    nodeAllocatable(ctx.environment.plan, machine.nodeId),
  );
  sim.machines.mergeFacts(node.id, { kubeadm: "join-worker" });
  reconcileCluster(sim);
  const ready = sim.objects.get<unknown, NodeStatus>({ kind: "Node", name: node.id })?.status.ready === true;
  ctx.log(
    `This node has joined the cluster. node/${node.id} labeled (node-role.kubernetes.io/worker, region ${ctx.environment.region})`,
  );
  ctx.log(
    ready
      ? `node/${node.id} condition met`
      : `node/${node.id} is NotReady until the pod network (Weave Net) is installed`,
  );
  return { node: node.id, ready };
};
