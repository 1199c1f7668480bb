import { reconcileCluster, type NodeSpec } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { permanentError } from "@/lib/engine/step-error";
import { cordonAndDrain } from "./cordon-node";
import { platformError } from "./platform-error";
import { simOf } from "./sim-of";

/**
 * drain-node:<worker> (teardown, scale-in) — `kubectl drain --ignore-daemonsets --delete-emptydir-data`: cordon
 * the Node, evict its replica pods (rescheduled on other Ready workers, or Pending), then delete the Node; its
 * DaemonSet pods go with it. The machine is left to remove-node. A node already gone is a no-op.
 * Fault "drain-blocked": an eviction would violate a PodDisruptionBudget (permanent, the user's to fix).
 */
export const drainNode: StepHandler = (ctx) => {
  const nodeId = ctx.step.node;
  if (nodeId === undefined)
    throw platformError("step-without-node", `Step ${ctx.step.key} must name a node (drain-node:<node>).`);
  const sim = simOf(ctx);
  const ref = { kind: "Node", name: nodeId };
  const node = sim.objects.get<NodeSpec>(ref);
  if (!node) {
    ctx.log(`node/${nodeId} not found; already drained.`);
    return { node: nodeId, evicted: 0 };
  }
  if (ctx.faults.has("drain-blocked")) {
    throw permanentError(
      "eviction-blocked",
      `Cannot drain ${nodeId}: evicting a pod would violate its disruption budget (a PodDisruptionBudget allows 0 disruptions).`,
      "user",
      "Relax the PodDisruptionBudget or add replicas, then retry.",
    );
  }
  const evicted = cordonAndDrain(ctx, sim, nodeId);
  sim.objects.delete(ref);
  reconcileCluster(sim);
  ctx.log(`node "${nodeId}" deleted`);
  return { node: nodeId, evicted };
};
