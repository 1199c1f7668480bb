import { describe, expect, it } from "vitest";
import { applyDaemonSet } from "./apply-daemon-set";
import { applyDeployment } from "./apply-deployment";
import { createSim, type Sim } from "./create-sim";
import { cniRef } from "./is-cni-installed";
import { reconcileCluster } from "./reconcile-cluster";
import { registerNode } from "./register-node";
import { createSimModel, forkSimModel, markSimModelSaved, type SimModel } from "./sim-model";
import type { PodSpec } from "./types";

const t0 = new Date("2026-01-01T00:00:00.000Z");
const quota = { pods: 300, objects: 1000 };

/** Two Ready workers and a Deployment of `replicas`, reconciled and committed. */
function cluster(replicas: number): SimModel {
  const model = createSimModel("env-incremental");
  const s = createSim(model, t0, quota);
  for (const nodeId of ["w-1", "w-2"]) {
    s.machines.create({ nodeId, nodeGroup: "w", hostname: `${nodeId}.example` });
    s.machines.setState(nodeId, "booting");
    registerNode(s, s.machines.setState(nodeId, "running"), "worker", "v1.37.1", {
      cpuMillis: 64_000,
      memoryBytes: 2 ** 36,
    });
  }
  applyDaemonSet(s, { ...cniRef, image: "weave", placement: "nodes", tolerateNotReady: true });
  const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } };
  applyDeployment(s, { namespace: "default", name: "web", image: "nginx:1.27", replicas, manifest });
  reconcileCluster(s);
  markSimModelSaved(model);
  return model;
}

const webPods = (sim: Sim) => sim.objects.list<PodSpec>("Pod", "default").filter((p) => p.spec.owner.name === "web");
const configMap = (sim: Sim, name: string) =>
  sim.objects.apply({ kind: "ConfigMap", namespace: "default", name, spec: { manifest: { data: { a: "1" } } } });

describe("the incremental reconcile", () => {
  it("leaves the pods controller idle for a ConfigMap, and still counts it on the quota", () => {
    const model = cluster(200);
    const s = createSim(forkSimModel(model), t0, quota);
    configMap(s, "settings");
    const { ran } = reconcileCluster(s);
    expect(ran).not.toContain("pods");
    expect(ran).toContain("quota-objects");
    const rq = s.objects.get<unknown, { used: { pods: number; objects: number } }>({
      kind: "ResourceQuota",
      namespace: "default",
      name: "clusterport-quota",
    });
    expect(rq?.status.used).toEqual({ pods: 200, objects: 2 });
  });

  it("runs the pods controller when a pod is deleted, and the pod comes back", () => {
    const model = cluster(3);
    const s = createSim(forkSimModel(model), t0, quota);
    const [first] = webPods(s);
    s.objects.delete({ kind: "Pod", namespace: "default", name: first!.name });
    const { ran } = reconcileCluster(s);
    expect(ran).toContain("pods");
    expect(webPods(s)).toHaveLength(3);
  });

  it("runs the pods controller when the plan's quota changes", () => {
    const model = cluster(3);
    const s = createSim(forkSimModel(model), t0, { pods: 2, objects: 1000 });
    expect(reconcileCluster(s).ran).toContain("pods");
    const rq = s.objects.get<{ hard: unknown }>({
      kind: "ResourceQuota",
      namespace: "default",
      name: "clusterport-quota",
    });
    expect(rq?.spec.hard).toEqual({ pods: 2, objects: 1000 });
  });

  it("runs every controller on a model loaded from rows, and when asked to", () => {
    const model = cluster(1);
    const rows = createSimModel("env-incremental", [...model.machines.values()], [...model.objects.values()]);
    expect(reconcileCluster(createSim(rows, t0, quota)).ran).toContain("pods");
    expect(reconcileCluster(createSim(forkSimModel(model), t0, quota), { all: true }).ran).toContain("pods");
  });

  it("a fork's writes leave the committed model as it was", () => {
    const model = cluster(2);
    const fork = forkSimModel(model);
    const s = createSim(fork, t0, quota);
    configMap(s, "only-in-the-fork");
    for (const pod of webPods(s)) s.objects.delete({ kind: "Pod", namespace: "default", name: pod.name });
    expect(model.objects.get("ConfigMap", "default", "only-in-the-fork")).toBeUndefined();
    expect(model.objects.ofKind("Pod").filter((p) => p.namespace === "default")).toHaveLength(2);
    expect(fork.changes.deletedObjects.size).toBe(2);
  });
});
