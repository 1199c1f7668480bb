import { describe, expect, it } from "vitest";
import { type PodSpec, type PodStatus } from "@/lib/engine/sim";
import { createStepHarness, teardownSteps } from "./testing/step-harness";

describe("teardown", () => {
  it("after a production install, leaves no machine up, no object and no secret", () => {
    const h = createStepHarness({
      settings: { topology: "production", workers: 2, addons: { monitoring: true, tracing: true, remoteApi: true } },
    });
    h.runAll(h.plan.steps);
    h.runAll(teardownSteps(h));
    const snapshot = h.snapshot();
    expect(snapshot.objects).toEqual([]);
    expect(snapshot.secrets).toEqual([]);
    expect(snapshot.machines).toHaveLength(10);
    expect((snapshot.machines as { state: string }[]).every((m) => m.state === "removed")).toBe(true);
  });

  it("teardown of a half-built install (failed at init) works too", () => {
    const h = createStepHarness();
    h.runAll(h.plan.steps.filter((s) => s.name === "prepare-instance"));
    h.runAll(teardownSteps(h));
    expect((h.snapshot().machines as { state: string }[]).map((m) => m.state)).toEqual(["removed", "removed"]);
  });

  it("draining a worker moves its replicas to the other worker and deletes its node", () => {
    const h = createStepHarness({ settings: { workers: 2, storage: false } });
    h.runAll(h.plan.steps);
    const out = h.run({ key: "drain-node:cp-1", name: "drain-node", node: "cp-1" });
    expect(out).toMatchObject({ node: "cp-1" });
    const sim = h.sim();
    expect(sim.objects.get({ kind: "Node", name: "cp-1" })).toBeUndefined();
    const pods = sim.objects.list<PodSpec, PodStatus>("Pod");
    expect(pods.filter((p) => p.spec.nodeName === "cp-1")).toEqual([]);
    const hello = pods.filter((p) => p.spec.owner.name === "hello-kubernetes");
    expect(hello.map((p) => [p.spec.nodeName, p.status.phase])).toEqual([
      ["cp-2", "Running"],
      ["cp-2", "Running"],
    ]);
    expect(sim.machines.get("cp-1")?.state).toBe("running");
    expect(h.logLines().some((l) => l.message === 'node "cp-1" deleted')).toBe(true);
  });

  it("removing a secondary control plane removes its etcd member and balancer backend", () => {
    const h = createStepHarness({ settings: { topology: "production", workers: 2, storage: false } });
    h.runAll(h.plan.steps);
    h.run({ key: "remove-node:k8sm-3", name: "remove-node", node: "k8sm-3" });
    const sim = h.sim();
    expect(sim.objects.list("EtcdMember").map((m) => m.name)).toEqual(["k8sm-1", "k8sm-2"]);
    for (const balancer of sim.machines.list({ nodeGroup: "mbl" }))
      expect(balancer.facts.backends?.some((b) => b.startsWith("k8sm-3 "))).toBe(false);
    expect(sim.objects.list("Pod", "kube-system").some((p) => p.name.endsWith("-k8sm-3"))).toBe(false);
    expect(sim.machines.get("k8sm-3")?.state).toBe("removed");
  });
});
