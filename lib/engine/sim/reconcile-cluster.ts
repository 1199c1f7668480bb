import { bindPersistentVolumeClaims } from "./bind-persistent-volume-claims";
import type { Sim } from "./create-sim";
import { isCniInstalled } from "./is-cni-installed";
import { reconcilePods } from "./reconcile-pods";
import { reconcilePullSecrets } from "./reconcile-pull-secrets";
import { expireEvents, recordEvent } from "./record-event";
import type { NodeSpec, NodeStatus } from "./types";

/**
 * The controllers of the simulated cluster, run synchronously after every change a step makes:
 *   1. node lifecycle — a Node is Ready exactly when its machine is running and the CNI (Weave) is installed;
 *   2. scheduler + workload controllers — replicas placed by their CPU and memory requests on Ready, schedulable
 *      nodes their placement allows, or Pending with the scheduler's reasons; DaemonSets, static pods, and pods
 *      whose owner is gone (reconcile-pods.ts);
 *   3. the volume provisioner — Pending claims bind once their StorageClass exists;
 *   4. the image pull secret patcher — registry credentials copied into every namespace (reconcile-pull-secrets.ts);
 *   5. events expire, the newest kept (record-event.ts).
 * Everything is derived from the model, deterministic, and writes only what differs, so running it twice
 * changes nothing. Returns the nodes that turned Ready in this pass (for "condition met" log lines).
 */
export function reconcileCluster(sim: Sim): { becameReady: string[] } {
  const becameReady = reconcileNodes(sim);
  reconcilePods(sim);
  bindPersistentVolumeClaims(sim);
  reconcilePullSecrets(sim);
  expireEvents(sim);
  return { becameReady };
}

function reconcileNodes(sim: Sim): string[] {
  const cni = isCniInstalled(sim);
  const becameReady: string[] = [];
  for (const node of sim.objects.list<NodeSpec, NodeStatus>("Node")) {
    const up = sim.machines.get(node.name)?.state === "running";
    const status: NodeStatus = !up
      ? { ready: false, reason: "NodeStatusUnknown: Kubelet stopped posting node status." }
      : !cni
        ? {
            ready: false,
            reason:
              "KubeletNotReady: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized",
          }
        : { ready: true, reason: "KubeletReady: kubelet is posting ready status" };
    if (status.ready && !node.status.ready) {
      becameReady.push(node.name);
      recordEvent(sim, node, {
        type: "Normal",
        reason: "NodeReady",
        message: `Node ${node.name} status is now: NodeReady`,
        source: "kubelet",
      });
    }
    if (!status.ready && node.status.ready) {
      recordEvent(sim, node, {
        type: "Normal",
        reason: "NodeNotReady",
        message: `Node ${node.name} status is now: NodeNotReady`,
        source: "node-controller",
      });
    }
    sim.objects.setStatus({ kind: "Node", name: node.name }, status);
  }
  return becameReady;
}
