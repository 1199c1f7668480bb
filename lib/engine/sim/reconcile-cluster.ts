import { bindPersistentVolumeClaims } from "./bind-persistent-volume-claims";
import type { Sim } from "./create-sim";
import { isCniInstalled } from "./is-cni-installed";
import { reconcilePullSecrets } from "./reconcile-pull-secrets";
import { shortHash } from "./short-hash";
import {
  workloadKinds,
  type NodeSpec,
  type NodeStatus,
  type PodSpec,
  type PodStatus,
  type SimObject,
  type WorkloadKind,
  type WorkloadSpec,
  type WorkloadStatus,
} from "./types";

type NodeObject = SimObject<NodeSpec, NodeStatus>;
type PodObject = SimObject<PodSpec, PodStatus>;

/**
 * The controllers of the simulated cluster, run synchronously after every change a step makes:
 *   1. node lifecycle — a Node is Ready exactly when its machine is running and the CNI (Weave) is installed;
 *   2. scheduler + workload controllers — Deployment/StatefulSet replicas run on Ready, schedulable nodes
 *      their placement allows (Pending when there is none); a DaemonSet has one pod per eligible node, Running
 *      when that node is Ready (or merely up, for host-network pods that tolerate NotReady); static pods follow
 *      their node; pods whose owner is gone are deleted;
 *   3. the volume provisioner — Pending claims bind once their StorageClass exists;
 *   4. the image pull secret patcher — registry credentials copied into every namespace (reconcile-pull-secrets.ts).
 * Everything is derived from the model, deterministic, and writes only what differs, so running it twice
 * changes nothing. Returns the nodes that turned Ready in this pass (for "condition met" log lines).
 */
export function reconcileCluster(sim: Sim): { becameReady: string[] } {
  const becameReady = reconcileNodes(sim);
  reconcilePods(sim);
  bindPersistentVolumeClaims(sim);
  reconcilePullSecrets(sim);
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
    if (status.ready && !node.status.ready) becameReady.push(node.name);
    sim.objects.setStatus({ kind: "Node", name: node.name }, status);
  }
  return becameReady;
}

function reconcilePods(sim: Sim): void {
  const nodes = sim.objects.list<NodeSpec, NodeStatus>("Node");
  const nodeByName = new Map(nodes.map((n) => [n.name, n]));
  const machineUp = (name: string) => sim.machines.get(name)?.state === "running";
  const pods = sim.objects.list<PodSpec, PodStatus>("Pod");
  const ownerKey = (namespace: string, kind: string, name: string) => `${namespace}/${kind}/${name}`;
  const podsByOwner = new Map<string, PodObject[]>();
  for (const pod of pods) {
    const key = ownerKey(pod.namespace, pod.spec.owner.kind, pod.spec.owner.name);
    podsByOwner.set(key, [...(podsByOwner.get(key) ?? []), pod]);
  }
  const deletePod = (pod: PodObject) => sim.objects.delete({ kind: "Pod", namespace: pod.namespace, name: pod.name });

  // Static (mirror) pods live and die with their node.
  for (const pod of pods.filter((p) => p.spec.owner.kind === "Node")) {
    if (!nodeByName.has(pod.spec.owner.name)) {
      deletePod(pod);
      continue;
    }
    const status: PodStatus = machineUp(pod.spec.owner.name) ? { phase: "Running" } : { phase: "Pending", reason: "NodeLost" };
    sim.objects.setStatus({ kind: "Pod", namespace: pod.namespace, name: pod.name }, status);
  }

  const owners = new Set<string>();
  for (const kind of workloadKinds) {
    for (const workload of sim.objects.list<WorkloadSpec, WorkloadStatus>(kind)) {
      const key = ownerKey(workload.namespace, kind, workload.name);
      owners.add(key);
      const existing = podsByOwner.get(key) ?? [];
      const desired =
        kind === "DaemonSet" ? daemonPods(workload, nodes, machineUp) : replicaPods(kind, workload, nodes, existing);
      const wanted = new Set(desired.map((p) => p.name));
      for (const pod of existing) if (!wanted.has(pod.name)) deletePod(pod);
      for (const pod of desired) {
        sim.objects.apply({ kind: "Pod", namespace: workload.namespace, name: pod.name, spec: pod.spec, status: pod.status });
      }
      const status: WorkloadStatus = { desired: desired.length, ready: desired.filter((p) => p.status.phase === "Running").length };
      sim.objects.setStatus({ kind, namespace: workload.namespace, name: workload.name }, status);
    }
  }
  for (const pod of pods) {
    const kind = pod.spec.owner.kind;
    if (kind !== "Node" && !owners.has(ownerKey(pod.namespace, kind, pod.spec.owner.name))) deletePod(pod);
  }
}

type DesiredPod = { name: string; spec: PodSpec; status: PodStatus };

function placementAllows(workload: SimObject<WorkloadSpec>, node: NodeObject): boolean {
  return workload.spec.placement === "nodes" || node.spec.role === "worker";
}

function daemonPods(
  workload: SimObject<WorkloadSpec>,
  nodes: NodeObject[],
  machineUp: (name: string) => boolean,
): DesiredPod[] {
  return nodes
    .filter((node) => placementAllows(workload, node))
    .map((node) => {
      const runs = workload.spec.tolerateNotReady ? machineUp(node.name) : node.status.ready;
      return {
        name: `${workload.name}-${shortHash(`${workload.namespace}/${workload.name}/${node.name}`)}`,
        spec: {
          owner: { kind: "DaemonSet", name: workload.name },
          nodeName: node.name,
          image: workload.spec.image,
          labels: workload.spec.labels,
        },
        status: runs ? { phase: "Running" } : { phase: "Pending", reason: "NodeNotReady", message: `node ${node.name} is not ready` },
      };
    });
}

/**
 * Replicas keep the node they run on while it stays Ready and schedulable (pods do not move on their own);
 * the others go to the least-loaded eligible node, ties broken by name, or stay Pending when there is none.
 */
function replicaPods(
  kind: WorkloadKind,
  workload: SimObject<WorkloadSpec>,
  nodes: NodeObject[],
  existing: PodObject[],
): DesiredPod[] {
  const replicas = Math.max(0, workload.spec.replicas ?? 1);
  const candidates = nodes.filter((n) => placementAllows(workload, n) && n.status.ready && !n.spec.unschedulable);
  const candidateNames = new Set(candidates.map((n) => n.name));
  const template = shortHash(`${workload.namespace}/${workload.name}/${workload.spec.image}`, 10);
  const names = Array.from({ length: replicas }, (_, i) =>
    kind === "StatefulSet" ? `${workload.name}-${i}` : `${workload.name}-${template}-${shortHash(`${workload.namespace}/${workload.name}/${i}`)}`,
  );
  const current = new Map(existing.map((p) => [p.name, p.spec.nodeName]));
  const load = new Map<string, number>(candidates.map((n) => [n.name, 0]));
  const placed: (string | null)[] = names.map((name) => {
    const node = current.get(name);
    if (node && candidateNames.has(node)) {
      load.set(node, (load.get(node) ?? 0) + 1);
      return node;
    }
    return null;
  });
  for (let i = 0; i < placed.length; i += 1) {
    if (placed[i] !== null) continue;
    let best: string | null = null;
    for (const n of candidates) if (best === null || load.get(n.name)! < load.get(best)!) best = n.name;
    if (best !== null) load.set(best, load.get(best)! + 1);
    placed[i] = best;
  }
  const why =
    workload.spec.placement === "workers"
      ? `0/${nodes.length} nodes are available: no Ready, schedulable worker node`
      : `0/${nodes.length} nodes are available: no Ready, schedulable node`;
  return names.map((name, i) => {
    const nodeName = placed[i] ?? null;
    return {
      name,
      spec: { owner: { kind, name: workload.name }, nodeName, image: workload.spec.image, labels: workload.spec.labels, replica: i },
      status: nodeName ? { phase: "Running" } : { phase: "Pending", reason: "Unschedulable", message: why },
    };
  });
}
