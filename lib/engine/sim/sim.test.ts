import { beforeEach, describe, expect, it } from "vitest";
import { applyDaemonSet } from "./apply-daemon-set";
import { applyDeployment } from "./apply-deployment";
import { applyPersistentVolumeClaim } from "./apply-persistent-volume-claim";
import { applyStorageClass } from "./apply-storage-class";
import { createSim, type Sim } from "./create-sim";
import { cniRef } from "./is-cni-installed";
import { canMoveMachine, machineStates } from "./machine-states";
import { privateIpFor } from "./private-ip-for";
import { reconcileCluster } from "./reconcile-cluster";
import type { EventSpec } from "./record-event";
import { registerNode } from "./register-node";
import { createSimModel, type SimModel } from "./sim-model";
import type { NodeStatus, PersistentVolumeClaimStatus, PodSpec, PodStatus, WorkloadStatus } from "./types";

const t0 = new Date("2026-01-01T00:00:00.000Z");
const models = new Map<string, SimModel>();
/** A Sim over one environment's model, kept for the whole test (as the database would keep it). */
const simOf = (environmentId: string, at: Date) => {
  if (!models.has(environmentId)) models.set(environmentId, createSimModel(environmentId));
  return createSim(models.get(environmentId)!, at);
};

beforeEach(() => models.clear());

/** A running machine with a registered node of the given role. */
function node(
  sim: Sim,
  nodeId: string,
  role: "control-plane" | "worker",
  allocatable = { cpuMillis: 3200, memoryBytes: 2 ** 30 },
) {
  const group = role === "worker" ? "cp" : "k8sm";
  sim.machines.create({ nodeId, nodeGroup: group, hostname: `${nodeId}.example` });
  sim.machines.setState(nodeId, "booting");
  const machine = sim.machines.setState(nodeId, "running");
  registerNode(sim, machine, role, "v1.37.1", allocatable);
}

describe("machines", () => {
  it("create never duplicates and derives a stable address per environment, group and index", () => {
    const sim = simOf("env-a", t0);
    const first = sim.machines.create({ nodeId: "cp-2", nodeGroup: "cp", hostname: "cp-2.a" });
    const again = simOf("env-a", new Date(t0.getTime() + 5000)).machines.create({
      nodeId: "cp-2",
      nodeGroup: "cp",
      hostname: "other",
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ machine: first.machine, created: false });
    expect(first.machine.privateIp).toBe(privateIpFor("env-a", "cp", 2));
    expect(first.machine.privateIp).toMatch(/^10\.\d+\.30\.2$/);
    expect(first.machine.createdAt).toBe("2026-01-01T00:00:00.000Z");
    // Same node id in another environment: another machine.
    expect(simOf("env-b", t0).machines.create({ nodeId: "cp-2", nodeGroup: "cp", hostname: "cp-2.b" }).created).toBe(
      true,
    );
    expect(sim.machines.list()).toHaveLength(1);
  });

  it("moves only along created → booting → running → removed", () => {
    expect(machineStates).toEqual(["created", "booting", "running", "removed"]);
    expect(canMoveMachine("running", "booting")).toBe(false);
    expect(canMoveMachine("created", "removed")).toBe(true);
    const sim = simOf("env-a", t0);
    sim.machines.create({ nodeId: "k8sm-1", nodeGroup: "k8sm", hostname: "h" });
    expect(() => sim.machines.setState("k8sm-1", "running")).toThrow(/cannot go from created to running/);
    sim.machines.setState("k8sm-1", "booting");
    expect(sim.machines.setState("k8sm-1", "booting").state).toBe("booting");
    sim.machines.setState("k8sm-1", "running");
    sim.machines.setState("k8sm-1", "removed");
    expect(() => sim.machines.setState("k8sm-1", "running")).toThrow();
  });

  it("mergeFacts writes only on change", () => {
    const sim = simOf("env-a", t0);
    sim.machines.create({ nodeId: "cp-1", nodeGroup: "cp", hostname: "h" });
    sim.machines.mergeFacts("cp-1", { prepared: true });
    const later = simOf("env-a", new Date(t0.getTime() + 60_000));
    expect(later.machines.mergeFacts("cp-1", { prepared: true }).updatedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(later.machines.mergeFacts("cp-1", { mounts: ["/data"] }).updatedAt).toBe("2026-01-01T00:01:00.000Z");
  });
});

describe("objects", () => {
  it("apply is an upsert reporting created / configured / unchanged, scoped to the environment", () => {
    const sim = simOf("env-a", t0);
    const ref = { kind: "ConfigMap", namespace: "default", name: "x" };
    expect(sim.objects.apply({ ...ref, spec: { data: { a: 1, b: 2 } } }).result).toBe("created");
    expect(sim.objects.apply({ ...ref, spec: { data: { b: 2, a: 1 } } }).result).toBe("unchanged");
    expect(sim.objects.apply({ ...ref, spec: { data: { a: 2 } } }).result).toBe("configured");
    expect(sim.objects.get(ref)?.spec).toEqual({ data: { a: 2 } });
    expect(simOf("env-b", t0).objects.get(ref)).toBeUndefined();
    expect(sim.objects.list("ConfigMap", "default").map((o) => o.name)).toEqual(["x"]);
    expect(sim.objects.delete(ref)).toBe(true);
    expect(sim.objects.delete(ref)).toBe(false);
  });
});

describe("reconcileCluster", () => {
  it("nodes are Ready only with the CNI; replicas run only on a Ready worker", () => {
    const sim = simOf("env-a", t0);
    node(sim, "k8sm-1", "control-plane");
    applyDeployment(sim, { namespace: "default", name: "web", image: "nginx", replicas: 2 });
    reconcileCluster(sim);
    const pods = () => sim.objects.list<PodSpec, PodStatus>("Pod", "default");
    expect(pods().map((p) => p.status.phase)).toEqual(["Pending", "Pending"]);
    expect(sim.objects.get<unknown, NodeStatus>({ kind: "Node", name: "k8sm-1" })?.status.ready).toBe(false);

    applyDaemonSet(sim, { ...cniRef, image: "weave", placement: "nodes", tolerateNotReady: true });
    expect(reconcileCluster(sim).becameReady).toEqual(["k8sm-1"]);
    expect(pods().map((p) => p.status.phase)).toEqual(["Pending", "Pending"]); // a control plane is not a worker

    node(sim, "cp-1", "worker");
    node(sim, "cp-2", "worker");
    expect(reconcileCluster(sim).becameReady).toEqual(["cp-1", "cp-2"]);
    expect(
      pods()
        .map((p) => [p.spec.nodeName, p.status.phase])
        .sort(),
    ).toEqual([
      ["cp-1", "Running"],
      ["cp-2", "Running"],
    ]);
    expect(
      sim.objects.get<unknown, WorkloadStatus>({ kind: "Deployment", namespace: "default", name: "web" })?.status,
    ).toEqual({ desired: 2, ready: 2 });
  });

  it("places replicas by their requests against each node's allocatable, and says why one fits nowhere", () => {
    const sim = simOf("env-a", t0);
    applyDaemonSet(sim, { ...cniRef, image: "weave", placement: "nodes", tolerateNotReady: true });
    node(sim, "k8sm-1", "control-plane");
    node(sim, "cp-1", "worker", { cpuMillis: 1000, memoryBytes: 2 ** 30 });
    node(sim, "cp-2", "worker", { cpuMillis: 1000, memoryBytes: 2 ** 30 });
    const manifest = { spec: { template: { spec: { containers: [{ name: "api" }] } } } };
    applyDeployment(sim, {
      namespace: "default",
      name: "api",
      image: "api:1",
      replicas: 3,
      requests: { cpuMillis: 600, memoryBytes: 2 ** 20 },
      manifest,
    });
    reconcileCluster(sim);
    const pods = () => sim.objects.list<PodSpec, PodStatus>("Pod", "default");
    expect(
      pods()
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(["cp-1", "cp-2", null]);
    const pending = pods().find((p) => p.spec.nodeName === null)!;
    expect(pending.status).toEqual({
      phase: "Pending",
      reason: "Unschedulable",
      message:
        "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.",
    });
    const events = () =>
      sim.objects
        .list<EventSpec>("Event", "default")
        .map((e) => `${e.spec.involvedObject.name} ${e.spec.reason} ${e.spec.count}`);
    expect(events()).toContain(`${pending.name} FailedScheduling 1`);
    expect(events().filter((e) => e.includes(" Scheduled "))).toHaveLength(2);
    expect(events()).toContain("api ScalingReplicaSet 1");

    // A pass with nothing new records nothing new.
    const before = events();
    reconcileCluster(sim);
    expect(events()).toEqual(before);

    // A third worker makes room; cordoned (this simulation drains as it cordons), it keeps nothing.
    node(sim, "cp-3", "worker", { cpuMillis: 1000, memoryBytes: 2 ** 30 });
    reconcileCluster(sim);
    expect(
      pods()
        .map((p) => p.spec.nodeName)
        .sort(),
    ).toEqual(["cp-1", "cp-2", "cp-3"]);
    applyDeployment(sim, {
      namespace: "default",
      name: "api",
      image: "api:1",
      replicas: 4,
      requests: { cpuMillis: 600, memoryBytes: 2 ** 20 },
      manifest,
    });
    const cp3 = sim.objects.get<Record<string, unknown>>({ kind: "Node", name: "cp-3" })!;
    sim.objects.apply({ kind: "Node", name: "cp-3", spec: { ...cp3.spec, unschedulable: true } });
    reconcileCluster(sim);
    const message =
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 Insufficient cpu.";
    expect(
      pods()
        .filter((p) => p.status.phase === "Pending")
        .map((p) => p.status.message),
    ).toEqual([message, message]);
  });

  it("a DaemonSet runs one pod per Ready worker and follows nodes as they go", () => {
    const sim = simOf("env-a", t0);
    applyDaemonSet(sim, { ...cniRef, image: "weave", placement: "nodes", tolerateNotReady: true });
    node(sim, "k8sm-1", "control-plane");
    node(sim, "cp-1", "worker");
    node(sim, "cp-2", "worker");
    applyDaemonSet(sim, { namespace: "ingress", name: "ctl", image: "ctl" });
    reconcileCluster(sim);
    const running = () =>
      sim.objects
        .list<PodSpec, PodStatus>("Pod", "ingress")
        .filter((p) => p.status.phase === "Running")
        .map((p) => p.spec.nodeName)
        .sort();
    expect(running()).toEqual(["cp-1", "cp-2"]);
    sim.objects.delete({ kind: "Node", name: "cp-2" });
    reconcileCluster(sim);
    expect(running()).toEqual(["cp-1"]);
    expect(sim.objects.list("Pod", "ingress")).toHaveLength(1);
  });

  it("is deterministic and writes nothing when nothing changed", () => {
    const sim = simOf("env-a", t0);
    applyDaemonSet(sim, { ...cniRef, image: "weave", placement: "nodes", tolerateNotReady: true });
    node(sim, "cp-1", "worker");
    applyDeployment(sim, { namespace: "default", name: "web", image: "nginx", replicas: 3 });
    reconcileCluster(sim);
    const rows = () => sim.objects.listAll();
    const before = rows();
    // As if saved: nothing pending. A second pass must find nothing to write.
    const changes = models.get("env-a")!.changes;
    changes.touchedObjects.clear();
    changes.deletedObjects.clear();
    reconcileCluster(simOf("env-a", new Date(t0.getTime() + 60_000)));
    expect(rows()).toEqual(before);
    expect([changes.touchedObjects.size, changes.deletedObjects.size]).toEqual([0, 0]);
  });

  it("claims bind when a StorageClass appears (the default one when none is named)", () => {
    const sim = simOf("env-a", t0);
    applyPersistentVolumeClaim(sim, { namespace: "m", name: "data", size: "5Gi" });
    const claim = () =>
      sim.objects.get<unknown, PersistentVolumeClaimStatus>({
        kind: "PersistentVolumeClaim",
        namespace: "m",
        name: "data",
      })!.status;
    expect(claim().phase).toBe("Pending");
    applyStorageClass(sim, "nfs", {
      provisioner: "p",
      isDefault: true,
      reclaimPolicy: "Delete",
      allowVolumeExpansion: true,
      parameters: {},
    });
    expect(claim()).toMatchObject({ phase: "Bound", storageClassName: "nfs" });
  });
});
