import { describe, expect, it } from "vitest";
import { applyDaemonSet } from "./apply-daemon-set";
import { applyDeployment } from "./apply-deployment";
import { clusterQuotaRef, type ClusterQuotaSpec, type ClusterQuotaStatus } from "./cluster-quota";
import { createSim, type Sim } from "./create-sim";
import { cniRef } from "./is-cni-installed";
import { reconcileCluster } from "./reconcile-cluster";
import { burstReplicas, replicaSetName } from "./reconcile-pods";
import type { EventSpec } from "./record-event";
import { registerNode } from "./register-node";
import { createSimModel, type SimModel } from "./sim-model";
import type { ClusterQuotaHard, PodSpec, PodStatus, WorkloadSpec, WorkloadStatus } from "./types";

const t0 = new Date("2026-01-01T00:00:00.000Z");
/** Room enough that only the pod counts bind: 3200 m and 1 GiB per node, pods requesting nothing. */
function cluster(workers: number, quota?: ClusterQuotaHard): { model: SimModel; sim: (at?: Date) => Sim } {
  const model = createSimModel("env-bounds");
  const sim = (at = t0) => createSim(model, at, quota);
  const s = sim();
  for (let i = 1; i <= workers; i++) {
    const nodeId = `cp-${i}`;
    s.machines.create({ nodeId, nodeGroup: "cp", hostname: `${nodeId}.example` });
    s.machines.setState(nodeId, "booting");
    registerNode(s, s.machines.setState(nodeId, "running"), "worker", "v1.37.1", {
      cpuMillis: 3200,
      memoryBytes: 2 ** 30,
    });
  }
  applyDaemonSet(s, { ...cniRef, image: "weave", placement: "nodes", tolerateNotReady: true });
  reconcileCluster(s);
  return { model, sim };
}

const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } };
const web = (sim: Sim, replicas: number) =>
  applyDeployment(sim, { namespace: "default", name: "web", image: "nginx:1.27", replicas, manifest });
const webPods = (sim: Sim) =>
  sim.objects.list<PodSpec, PodStatus>("Pod", "default").filter((p) => p.spec.owner.name === "web");
const webStatus = (sim: Sim) =>
  sim.objects.get<WorkloadSpec, WorkloadStatus>({ kind: "Deployment", namespace: "default", name: "web" })!.status;

describe("the cluster's bounds", () => {
  it("caps the user's pods at the quota however many replicas are asked for, and says why in the real words", () => {
    const { sim } = cluster(3, { pods: 330, objects: 2000 });
    const s = sim();
    web(s, 100_000_000);
    reconcileCluster(s);
    expect(webPods(s)).toHaveLength(330);
    const status = webStatus(s);
    expect(status.desired).toBe(330);
    expect(status.backlog).toBeUndefined();
    expect(status.failure).toMatch(
      new RegExp(
        `^pods "${replicaSetName(s.objects.get({ kind: "Deployment", namespace: "default", name: "web" })!)}-[0-9a-z]+" is forbidden: exceeded quota: clusterport-quota, requested: pods=1, used: pods=330, limited: pods=330$`,
      ),
    );
    const failed = s.objects.list<EventSpec>("Event", "default").filter((e) => e.spec.reason === "FailedCreate");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.spec).toMatchObject({
      type: "Warning",
      source: "replicaset-controller",
      message: `Error creating: ${status.failure}`,
    });
    expect(failed[0]!.spec.involvedObject).toMatchObject({ kind: "ReplicaSet", apiVersion: "apps/v1" });
    const quota = s.objects.get<ClusterQuotaSpec, ClusterQuotaStatus>(clusterQuotaRef)!;
    expect(quota.spec.hard).toEqual({ pods: 330, objects: 2000 });
    expect(quota.status.used).toEqual({ pods: 330, objects: 1 });
  });

  it("fills nodes to 110 pods each, then leaves the rest Pending: Too many pods", () => {
    const { sim } = cluster(3, { pods: 1000, objects: 2000 });
    const s = sim();
    web(s, 340);
    reconcileCluster(s);
    const pods = webPods(s);
    expect(pods).toHaveLength(340);
    const running = pods.filter((p) => p.status.phase === "Running");
    // Each worker also runs its weave-net pod: 109 replicas fit beside it.
    expect(running).toHaveLength(3 * 109);
    const perNode = new Map<string, number>();
    for (const p of running) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([109, 109, 109]);
    const pending = pods.filter((p) => p.status.phase === "Pending");
    expect(pending).toHaveLength(340 - 327);
    expect(pending[0]!.status).toEqual({
      phase: "Pending",
      reason: "Unschedulable",
      message: "0/3 nodes are available: 3 Too many pods.",
    });
  });

  it("creates at most burstReplicas pods per pass and catches up on later passes", () => {
    const { sim } = cluster(10, { pods: 1100, objects: 2000 });
    const s = sim();
    web(s, 1200);
    reconcileCluster(s);
    expect(webPods(s)).toHaveLength(burstReplicas);
    expect(webStatus(s)).toMatchObject({ desired: burstReplicas, backlog: 1200 - burstReplicas });
    expect(webStatus(s).failure).toBeUndefined();
    const later = sim(new Date(t0.getTime() + 1000));
    reconcileCluster(later);
    expect(webPods(later)).toHaveLength(2 * burstReplicas);
    const last = sim(new Date(t0.getTime() + 2000));
    reconcileCluster(last);
    // The quota, not the burst, stops it now: 1100, no backlog left, the failure said.
    expect(webPods(last)).toHaveLength(1100);
    expect(webStatus(last).backlog).toBeUndefined();
    expect(webStatus(last).failure).toContain("used: pods=1100, limited: pods=1100");
  });

  it("scales back down and deletes its pods with the Deployment, touching only what exists", () => {
    const { model, sim } = cluster(3, { pods: 330, objects: 2000 });
    const s = sim();
    web(s, 100_000_000);
    reconcileCluster(s);
    web(s, 3);
    reconcileCluster(s);
    expect(
      webPods(s)
        .map((p) => p.spec.replica)
        .sort(),
    ).toEqual([0, 1, 2]);
    expect(webStatus(s).failure).toBeUndefined();
    web(s, 100_000_000);
    reconcileCluster(s);
    expect(webPods(s)).toHaveLength(330);
    s.objects.delete({ kind: "Deployment", namespace: "default", name: "web" });
    reconcileCluster(s);
    expect(webPods(s)).toEqual([]);
    expect(s.objects.get<ClusterQuotaSpec, ClusterQuotaStatus>(clusterQuotaRef)!.status.used).toEqual({
      pods: 0,
      objects: 0,
    });
    expect([...model.objects.values()].filter((o) => o.kind === "Pod")).toHaveLength(3); // the weave-net pods
  });

  it("holds the system's own workloads to max-pods and the burst, not to the user's quota", () => {
    const { sim } = cluster(1, { pods: 0, objects: 0 });
    const s = sim();
    applyDeployment(s, { namespace: "kube-system", name: "coredns", image: "coredns", replicas: 2 });
    reconcileCluster(s);
    expect(
      s.objects
        .list<PodSpec, PodStatus>("Pod", "kube-system")
        .filter((p) => p.spec.owner.name === "coredns" && p.status.phase === "Running"),
    ).toHaveLength(2);
  });
});
