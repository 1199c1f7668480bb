import { maxPodsPerNode } from "@/lib/plan";
import { exceededQuota, quotaHard, writeClusterQuota } from "./cluster-quota";
import type { Sim } from "./create-sim";
import { recordEvent } from "./record-event";
import { shortHash } from "./short-hash";
import {
  workloadKinds,
  type JsonObject,
  type NodeSpec,
  type NodeStatus,
  type PodSpec,
  type PodStatus,
  type Resources,
  type SimObject,
  type WorkloadKind,
  type WorkloadSpec,
  type WorkloadStatus,
} from "./types";

type NodeObject = SimObject<NodeSpec, NodeStatus>;
type PodObject = SimObject<PodSpec, PodStatus>;
type WorkloadObject = SimObject<WorkloadSpec, WorkloadStatus>;
type DesiredPod = { name: string; spec: PodSpec; status: PodStatus };

/** Nodes registered before their allocatable was kept: the default flavour's 8 cloudlets (400m and 128 MiB each). */
const defaultAllocatable: Resources = { cpuMillis: 3200, memoryBytes: 1024 * 1024 * 1024 };

export const allocatableOf = (node: SimObject<NodeSpec>): Resources => node.spec.allocatable ?? defaultAllocatable;

/**
 * The ReplicaSet controller's burstReplicas: the most pods it creates for one workload in one pass. The rest
 * are its backlog, made by later passes (a write, a step, or the engine's catch-up pass: syncClusterControllers).
 */
export const burstReplicas = 500;

/**
 * The scheduler and the workload controllers. Static pods follow their node; a DaemonSet has one pod per
 * eligible node; Deployment/StatefulSet replicas keep the node they run on while it stays Ready and schedulable
 * (pods do not move on their own), and the others are placed like kube-scheduler does: on a Ready, schedulable
 * node their placement allows whose allocatable CPU and memory still cover their requests, preferring the node
 * with the fewest pods of the same workload (spreading), then the least requested share, then the name. A pod
 * that fits nowhere stays Pending with the scheduler's message, counting why each node was filtered out
 * ("0/3 nodes are available: 1 node(s) had untolerated taint {…}, 2 Insufficient cpu."). Pods whose owner is
 * gone are deleted. User workloads (those with a manifest) get the events kubectl describe shows. Returns false
 * while a workload has a backlog (more replicas than burstReplicas were missing).
 */
export function reconcilePods(sim: Sim): boolean {
  const nodes = sim.objects.list<NodeSpec, NodeStatus>("Node");
  const machineUp = (name: string) => sim.machines.get(name)?.state === "running";
  const pods = sim.objects.list<PodSpec, PodStatus>("Pod");
  const ownerKey = (namespace: string, kind: string, name: string) => `${namespace}/${kind}/${name}`;
  const podsByOwner = new Map<string, PodObject[]>();
  for (const pod of pods) {
    const key = ownerKey(pod.namespace, pod.spec.owner.kind, pod.spec.owner.name);
    const list = podsByOwner.get(key);
    if (list) list.push(pod);
    else podsByOwner.set(key, [pod]);
  }
  const deletePod = (pod: PodObject, workload?: WorkloadObject) => {
    sim.objects.delete({ kind: "Pod", namespace: pod.namespace, name: pod.name });
    if (workload?.spec.manifest && pod.spec.nodeName) {
      recordEvent(sim, pod, {
        type: "Normal",
        reason: "Killing",
        message: `Stopping container ${containerNames(workload)[0]}`,
        source: "kubelet",
      });
    }
  };

  for (const pod of pods.filter((p) => p.spec.owner.kind === "Node")) {
    if (!nodes.some((n) => n.name === pod.spec.owner.name)) {
      deletePod(pod);
      continue;
    }
    const status: PodStatus = machineUp(pod.spec.owner.name)
      ? { phase: "Running" }
      : { phase: "Pending", reason: "NodeLost" };
    sim.objects.setStatus({ kind: "Pod", namespace: pod.namespace, name: pod.name }, status);
  }

  const workloads = workloadKinds.flatMap((kind) => sim.objects.list<WorkloadSpec, WorkloadStatus>(kind));
  const owners = new Set(workloads.map((w) => ownerKey(w.namespace, w.kind, w.name)));
  const scheduler = createScheduler(nodes, machineUp);
  for (const pod of pods) if (pod.spec.owner.kind === "Node" && pod.spec.nodeName) scheduler.count(pod.spec.nodeName);
  const desiredByWorkload = new Map<WorkloadObject, DesiredPod[]>();
  const outcome = new Map<WorkloadObject, { failure?: string; backlog?: number }>();
  // Replicas that keep their name (and node) come first: they hold their share of the quota before any is made.
  const kept = new Map<WorkloadObject, DesiredPod[]>();
  for (const workload of workloads) {
    const existing = podsByOwner.get(ownerKey(workload.namespace, workload.kind, workload.name)) ?? [];
    if (workload.kind === "DaemonSet") {
      const desired = daemonPods(workload, nodes, machineUp);
      for (const pod of desired) if (pod.spec.nodeName) scheduler.count(pod.spec.nodeName);
      desiredByWorkload.set(workload, desired);
    } else kept.set(workload, keptReplicas(workload, existing));
  }
  // The quota counts the user's pods (their workloads keep a manifest); the system's own are not held to it.
  const hard = quotaHard(sim);
  let usedPods = 0;
  for (const [workload, pods] of kept) if (workload.spec.manifest) usedPods += pods.length;
  // Replicas that keep their node count against it before any other is placed.
  const unplaced: { workload: WorkloadObject; pod: DesiredPod }[] = [];
  for (const [workload, keep] of kept) {
    const replicas = replicaCount(workload);
    const missing = replicas - keep.length;
    const room = hard && workload.spec.manifest ? Math.max(0, hard.pods - usedPods) : Infinity;
    const make = Math.min(missing, burstReplicas, room);
    const made = newReplicas(workload, keep, make);
    if (workload.spec.manifest) usedPods += made.length;
    const desired = [...keep, ...made];
    if (missing > make && room === make && hard) {
      const next = newReplicas(workload, desired, 1)[0]!;
      outcome.set(workload, {
        failure: `pods "${next.name}" is forbidden: ${exceededQuota("pods", usedPods, hard.pods)}`,
      });
    } else if (missing > make) outcome.set(workload, { backlog: missing - make });
    for (const pod of desired) {
      if (pod.spec.nodeName && scheduler.keeps(workload, pod.spec.nodeName))
        scheduler.take(workload, pod.spec.nodeName, pod.spec.requests);
      else {
        pod.spec.nodeName = null;
        unplaced.push({ workload, pod });
      }
    }
    desiredByWorkload.set(workload, desired);
  }
  for (const { workload, pod } of unplaced) {
    const placed = scheduler.place(workload, pod.spec.requests);
    pod.spec.nodeName = placed.node;
    pod.status = placed.node
      ? { phase: "Running" }
      : { phase: "Pending", reason: "Unschedulable", message: placed.message };
  }

  for (const [workload, desired] of desiredByWorkload) {
    const existing = podsByOwner.get(ownerKey(workload.namespace, workload.kind, workload.name)) ?? [];
    const wanted = new Set(desired.map((p) => p.name));
    for (const pod of existing) if (!wanted.has(pod.name)) deletePod(pod, workload);
    const before = new Map(existing.map((p) => [p.name, p]));
    for (const pod of desired) {
      const { object } = sim.objects.apply({
        kind: "Pod",
        namespace: workload.namespace,
        name: pod.name,
        spec: pod.spec,
        status: pod.status,
      });
      if (workload.spec.manifest) podEvents(sim, workload, object, before.get(pod.name));
    }
    const { failure, backlog } = outcome.get(workload) ?? {};
    const status: WorkloadStatus = {
      desired: desired.length,
      ready: desired.filter((p) => p.status.phase === "Running").length,
      ...(failure ? { failure } : {}),
      ...(backlog ? { backlog } : {}),
    };
    if (workload.spec.manifest && workload.kind === "Deployment") scalingEvents(sim, workload, existing, desired);
    if (workload.spec.manifest && failure && failure !== workload.status.failure)
      failedCreateEvent(sim, workload, failure);
    sim.objects.setStatus({ kind: workload.kind, namespace: workload.namespace, name: workload.name }, status);
  }
  for (const pod of pods) {
    const kind = pod.spec.owner.kind;
    if (kind !== "Node" && !owners.has(ownerKey(pod.namespace, kind, pod.spec.owner.name))) deletePod(pod);
  }
  if (hard) writeClusterQuota(sim, hard, usedPods);
  return ![...outcome.values()].some((o) => o.backlog);
}

/** What the ReplicaSet (or StatefulSet) controller reports when it cannot make a pod: a FailedCreate warning on its object. */
function failedCreateEvent(sim: Sim, workload: WorkloadObject, failure: string): void {
  if (workload.kind === "Deployment") {
    const replicaSet = {
      kind: "ReplicaSet",
      namespace: workload.namespace,
      name: replicaSetName(workload),
      createdAt: workload.createdAt,
    };
    recordEvent(sim, replicaSet, {
      type: "Warning",
      reason: "FailedCreate",
      message: `Error creating: ${failure}`,
      source: "replicaset-controller",
    });
  } else {
    const pod = /^pods "([^"]+)"/.exec(failure)?.[1] ?? "";
    recordEvent(sim, workload, {
      type: "Warning",
      reason: "FailedCreate",
      message: `create Pod ${pod} in StatefulSet ${workload.name} failed error: ${failure}`,
      source: "statefulset-controller",
    });
  }
}

const placementAllows = (workload: SimObject<WorkloadSpec>, node: NodeObject) =>
  workload.spec.placement === "nodes" || node.spec.role === "worker";

function createScheduler(nodes: NodeObject[], machineUp: (name: string) => boolean) {
  const requested = new Map<string, Resources>(nodes.map((n) => [n.name, { cpuMillis: 0, memoryBytes: 0 }]));
  // Pods per node, every pod counted (kubelet's max-pods): static and DaemonSet pods through count(), replicas through take().
  const podCount = new Map<string, number>();
  const count = (node: string) => podCount.set(node, (podCount.get(node) ?? 0) + 1);
  const spread = new Map<string, number>();
  const spreadKey = (w: WorkloadObject, node: string) => `${w.namespace}/${w.kind}/${w.name}@${node}`;
  const eligible = (w: WorkloadObject, n: NodeObject) =>
    placementAllows(w, n) && n.status.ready && !n.spec.unschedulable;
  const take = (w: WorkloadObject, node: string, requests: Resources | undefined) => {
    const used = requested.get(node);
    if (used && requests)
      requested.set(node, {
        cpuMillis: used.cpuMillis + requests.cpuMillis,
        memoryBytes: used.memoryBytes + requests.memoryBytes,
      });
    count(node);
    spread.set(spreadKey(w, node), (spread.get(spreadKey(w, node)) ?? 0) + 1);
  };
  /** Why `node` cannot take the pod, in the scheduler's words (a node may fail on CPU and memory both); empty when it can. */
  const filter = (w: WorkloadObject, n: NodeObject, requests: Resources | undefined): string[] => {
    if (n.spec.unschedulable) return ["node(s) were unschedulable"];
    if (!n.status.ready)
      return [
        `node(s) had untolerated taint {node.kubernetes.io/${machineUp(n.name) ? "not-ready" : "unreachable"}: }`,
      ];
    if (!placementAllows(w, n)) return ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"];
    const free = allocatableOf(n);
    const used = requested.get(n.name)!;
    const out: string[] = [];
    if ((podCount.get(n.name) ?? 0) >= maxPodsPerNode) out.push("Too many pods");
    if (requests && used.cpuMillis + requests.cpuMillis > free.cpuMillis) out.push("Insufficient cpu");
    if (requests && used.memoryBytes + requests.memoryBytes > free.memoryBytes) out.push("Insufficient memory");
    return out;
  };
  const share = (n: NodeObject) => {
    const free = allocatableOf(n);
    const used = requested.get(n.name)!;
    return Math.max(used.cpuMillis / free.cpuMillis, used.memoryBytes / free.memoryBytes);
  };
  return {
    keeps: (w: WorkloadObject, node: string) => nodes.some((n) => n.name === node && eligible(w, n)),
    take,
    count,
    place(w: WorkloadObject, requests: Resources | undefined): { node: string | null; message: string } {
      const reasons = new Map<string, number>();
      let best: NodeObject | null = null;
      for (const n of nodes) {
        const failed = filter(w, n, requests);
        for (const r of failed) reasons.set(r, (reasons.get(r) ?? 0) + 1);
        if (failed.length > 0) continue;
        const score = (x: NodeObject) => [spread.get(spreadKey(w, x.name)) ?? 0, share(x)] as const;
        if (best === null) best = n;
        else {
          const [a1, a2] = score(n);
          const [b1, b2] = score(best);
          if (a1 < b1 || (a1 === b1 && a2 < b2)) best = n;
        }
      }
      if (best) {
        take(w, best.name, requests);
        return { node: best.name, message: "" };
      }
      const counted = [...reasons].map(([reason, count]) => `${count} ${reason}`).sort();
      return {
        node: null,
        message: `0/${nodes.length} nodes are available${counted.length > 0 ? `: ${counted.join(", ")}` : ""}.`,
      };
    },
  };
}

function daemonPods(workload: WorkloadObject, nodes: NodeObject[], machineUp: (name: string) => boolean): DesiredPod[] {
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
        status: runs
          ? { phase: "Running" }
          : { phase: "Pending", reason: "NodeNotReady", message: `node ${node.name} is not ready` },
      };
    });
}

/** The names a Deployment's pods get from their ReplicaSet (named after the pod template) or a StatefulSet's ordinals. */
export function replicaSetName(workload: SimObject<WorkloadSpec>): string {
  return `${workload.name}-${workload.spec.templateHash ?? shortHash(`${workload.namespace}/${workload.name}/${workload.spec.image}`, 10)}`;
}

/** spec.replicas, within int32 as the API admits it. */
const replicaCount = (workload: WorkloadObject) =>
  Math.min(2147483647, Math.max(0, Math.floor(workload.spec.replicas ?? 1)));

const replicaName = (workload: WorkloadObject, i: number) =>
  workload.kind === "StatefulSet"
    ? `${workload.name}-${i}`
    : `${replicaSetName(workload)}-${shortHash(`${workload.namespace}/${workload.name}/${i}`)}`;

const replicaPod = (workload: WorkloadObject, i: number, nodeName: string | null): DesiredPod => ({
  name: replicaName(workload, i),
  spec: {
    owner: { kind: workload.kind as WorkloadKind, name: workload.name },
    nodeName,
    image: workload.spec.image,
    labels: workload.spec.labels,
    replica: i,
    ...(workload.spec.requests ? { requests: workload.spec.requests } : {}),
  },
  status: { phase: "Running" },
});

/** The existing pods that stay: an ordinal below spec.replicas under the current template's name, each on its node (the scheduler re-checks it). */
function keptReplicas(workload: WorkloadObject, existing: PodObject[]): DesiredPod[] {
  const replicas = replicaCount(workload);
  return existing
    .filter(
      (p) =>
        p.spec.replica !== undefined && p.spec.replica < replicas && p.name === replicaName(workload, p.spec.replica),
    )
    .sort((a, b) => a.spec.replica! - b.spec.replica!)
    .map((p) => replicaPod(workload, p.spec.replica!, p.spec.nodeName));
}

/** `count` new replicas at the lowest ordinals `have` leaves free (work bounded by what exists plus what is made). */
function newReplicas(workload: WorkloadObject, have: DesiredPod[], count: number): DesiredPod[] {
  const taken = new Set(have.map((p) => p.spec.replica));
  const out: DesiredPod[] = [];
  for (let i = 0; out.length < count; i++) if (!taken.has(i)) out.push(replicaPod(workload, i, null));
  return out;
}

function containerNames(workload: SimObject<WorkloadSpec>): string[] {
  const containers = ((workload.spec.manifest?.spec as JsonObject | undefined)?.template as JsonObject | undefined)
    ?.spec as JsonObject | undefined;
  const names = Array.isArray(containers?.containers)
    ? containers.containers.map((c) => String((c as JsonObject).name ?? workload.name))
    : [];
  return names.length > 0 ? names : [workload.name];
}

/** What the scheduler and the kubelet report about a user's pod when it is placed or cannot be. */
function podEvents(sim: Sim, workload: WorkloadObject, pod: PodObject, before: PodObject | undefined): void {
  if (pod.spec.nodeName && before?.spec.nodeName !== pod.spec.nodeName) {
    recordEvent(sim, pod, {
      type: "Normal",
      reason: "Scheduled",
      message: `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.spec.nodeName}`,
      source: "default-scheduler",
    });
    for (const container of containerNames(workload)) {
      recordEvent(sim, pod, {
        type: "Normal",
        reason: "Pulled",
        message: `Container image "${pod.spec.image}" already present on machine`,
        source: "kubelet",
      });
      recordEvent(sim, pod, {
        type: "Normal",
        reason: "Created",
        message: `Created container: ${container}`,
        source: "kubelet",
      });
      recordEvent(sim, pod, {
        type: "Normal",
        reason: "Started",
        message: `Started container ${container}`,
        source: "kubelet",
      });
    }
  }
  if (
    !pod.spec.nodeName &&
    pod.status.message &&
    (before?.status.message !== pod.status.message || before.spec.nodeName)
  ) {
    recordEvent(sim, pod, {
      type: "Warning",
      reason: "FailedScheduling",
      message: pod.status.message,
      source: "default-scheduler",
    });
  }
}

/** The Deployment controller's "Scaled up/down replica set …" when the replica count or the template changes. */
function scalingEvents(sim: Sim, workload: WorkloadObject, existing: PodObject[], desired: DesiredPod[]): void {
  const current = replicaSetName(workload);
  const bySet = new Map<string, number>();
  for (const pod of existing) {
    const set = pod.name.slice(0, pod.name.lastIndexOf("-"));
    bySet.set(set, (bySet.get(set) ?? 0) + 1);
  }
  const had = bySet.get(current) ?? 0;
  if (desired.length !== had) {
    recordEvent(sim, workload, {
      type: "Normal",
      reason: "ScalingReplicaSet",
      message: `Scaled ${desired.length > had ? "up" : "down"} replica set ${current} from ${had} to ${desired.length}`,
      source: "deployment-controller",
    });
  }
  for (const [set, count] of bySet) {
    if (set !== current)
      recordEvent(sim, workload, {
        type: "Normal",
        reason: "ScalingReplicaSet",
        message: `Scaled down replica set ${set} from ${count} to 0`,
        source: "deployment-controller",
      });
  }
}
