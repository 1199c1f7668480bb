import { stableJson } from "@/lib/stable-json";
import { bindPersistentVolumeClaims } from "./bind-persistent-volume-claims";
import { countQuotaObjects } from "./cluster-quota";
import { createSim, modelOf, type Sim } from "./create-sim";
import { cniRef, isCniInstalled } from "./is-cni-installed";
import { reconcilePods } from "./reconcile-pods";
import { reconcilePullSecrets } from "./reconcile-pull-secrets";
import { expireEvents, recordEvent } from "./record-event";
import { forkSimModel, machinesInput, type SimModel } from "./sim-model";
import { workloadKinds, type NodeSpec, type NodeStatus, type SimObject } from "./types";

/**
 * The controllers of the simulated cluster, run synchronously after every change a step or the cluster's API
 * makes, in this order:
 *   1. node lifecycle — a Node is Ready exactly when its machine is running and the CNI (Weave) is installed;
 *   2. scheduler + workload controllers — replicas placed by their CPU and memory requests on Ready, schedulable
 *      nodes their placement allows, or Pending with the scheduler's reasons; DaemonSets, static pods, and pods
 *      whose owner is gone (reconcile-pods.ts);
 *   3. the volume provisioner — Pending claims bind once their StorageClass exists;
 *   4. the image pull secret patcher — registry credentials copied into every namespace (reconcile-pull-secrets.ts);
 *   5. the quota's count of the user's objects (cluster-quota.ts);
 *   6. events expire, the newest kept (record-event.ts).
 * Everything is derived from the model, deterministic, and writes only what differs, so running a controller
 * twice changes nothing.
 *
 * This table is the law of what each controller reads: a controller runs only when one of its inputs (object
 * kinds; machinesInput for the machines; the plan's quota) changed since it last ran on this model — so a
 * ConfigMap written to a cluster of 2,000 pods does not re-place its pods. A model freshly loaded runs them all.
 * `always` controllers cost O(1) or a scan that copies nothing. With SIM_RECONCILE_CHECK set (the unit tests
 * set it), every pass is checked against running all controllers on a copy: any difference throws, naming it.
 */
type Controller = {
  name: string;
  inputs: readonly string[] | "always";
  /** Returns false when it left work for a later pass (a backlog of replicas): it runs again next time. */
  run(sim: Sim): boolean | void;
};

const controllers: readonly Controller[] = [
  { name: "nodes", inputs: ["Node", cniRef.kind, machinesInput], run: () => true },
  { name: "pods", inputs: ["Node", "Pod", ...workloadKinds, machinesInput], run: reconcilePods },
  {
    name: "volumes",
    inputs: ["PersistentVolumeClaim", "StorageClass"],
    run: (sim) => void bindPersistentVolumeClaims(sim),
  },
  { name: "pull-secrets", inputs: ["Secret", "Deployment", "Namespace", "ServiceAccount"], run: reconcilePullSecrets },
  { name: "quota-objects", inputs: "always", run: countQuotaObjects },
  { name: "events", inputs: "always", run: expireEvents },
];

/**
 * Returns the nodes that turned Ready in this pass (for "condition met" log lines) and the controllers that ran.
 * `all` runs every controller.
 */
export function reconcileCluster(sim: Sim, options: { all?: boolean } = {}): { becameReady: string[]; ran: string[] } {
  const model = modelOf(sim);
  const quota = sim.quota ? stableJson(sim.quota) : undefined;
  const check = process.env.SIM_RECONCILE_CHECK && !options.all ? forkSimModel(model) : undefined;
  let becameReady: string[] = [];
  const ran: string[] = [];
  for (const controller of controllers) {
    const stale = model.stale.get(controller.name);
    const run =
      options.all ||
      controller.inputs === "always" ||
      stale === undefined ||
      stale === "all" ||
      controller.inputs.some((input) => stale.has(input)) ||
      // The pods are held to the plan's quota: a new one is an input; without one they read the ResourceQuota.
      (controller.name === "pods" && (quota === undefined || quota !== model.podsQuota));
    if (!run) continue;
    ran.push(controller.name);
    model.reconciling = controller.name;
    try {
      if (controller.name === "nodes") becameReady = reconcileNodes(sim);
      const settled = controller.name === "nodes" ? true : controller.run(sim);
      model.stale.set(controller.name, settled === false ? "all" : new Set());
      if (controller.name === "pods") model.podsQuota = quota;
    } finally {
      model.reconciling = undefined;
    }
  }
  if (check) checkIncremental(model, check, sim);
  return { becameReady, ran };
}

/** SIM_RECONCILE_CHECK: the pass just made must leave the model as running every controller would have. */
function checkIncremental(model: SimModel, before: SimModel, sim: Sim): void {
  reconcileCluster(createSim(before, sim.now, sim.quota), { all: true });
  const differences: string[] = [];
  const kinds = new Set([...model.objects.kindNames(), ...before.objects.kindNames()]);
  for (const kind of kinds) {
    const mine = model.objects.ofKind(kind);
    const full = before.objects.ofKind(kind);
    const text = (list: readonly SimObject[]) => list.map((o) => stableJson(o)).join("\n");
    if (text(mine) !== text(full)) differences.push(kind);
  }
  if (differences.length > 0) {
    throw new Error(
      `The incremental reconcile left ${differences.join(", ")} unlike a full one: a controller's inputs in reconcile-cluster.ts miss what it reads.`,
    );
  }
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
