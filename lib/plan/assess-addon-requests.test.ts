import { describe, expect, it } from "vitest";
import { findAccountPlan } from "@/lib/catalog";
import { defaultInstallSettings, type InstallSettings } from "@/lib/validations/install-settings";
import { assessAddonRequests } from "./assess-addon-requests";
import { assessQuotas } from "./assess-quotas";
import { buildNodeGroups } from "./build-node-groups";
import { computePlan } from "./compute-plan";
import type { PlanNodeGroup } from "./types";

const business = { plan: findAccountPlan("business")!, environmentsInUse: 0 };
const settings = (overrides: Partial<InstallSettings> = {}): InstallSettings => ({
  ...defaultInstallSettings("demo", "eu-central"),
  ...overrides,
});
const both = { monitoring: true, tracing: true, remoteApi: false };

/** Workers of a smaller flavour than the catalogue's, to see the scheduler's answer turn. */
function workersOf(count: number, cloudletLimit: number): PlanNodeGroup[] {
  return buildNodeGroups({ k8sm: 1, mbl: 0, cp: count, storage: 1 }, "demo.fra.clusterport.cloud").map((g) =>
    g.role === "worker" ? { ...g, cloudletLimit } : g,
  );
}

describe("what the add-ons request of the workers", () => {
  it("sums each add-on's pods from the catalogue and the workers' allocatable (400m and 128 MiB per cloudlet of the limit)", () => {
    const plan = computePlan(settings({ addons: both }), business);
    expect(plan.addonRequests).toEqual({
      addons: [
        { id: "monitoring", name: "Monitoring", cpuMillis: 900, memoryMiB: 1920 },
        { id: "tracing", name: "Tracing", cpuMillis: 350, memoryMiB: 768 },
      ],
      total: { cpuMillis: 1250, memoryMiB: 2688 },
      workers: { count: 1, cpuMillis: 12800, memoryMiB: 4096 },
      unplaced: [],
      fits: true,
    });
    const room = plan.quota.verdicts.find((v) => v.quota === "workerRoom");
    expect(room?.message).toBe(
      "Room on the workers: Monitoring and Tracing request 1.25 CPU and 2.6 GiB of the 12.8 CPU and 4 GiB the 1 worker can give.",
    );
    expect(plan.quota.ok).toBe(true);
  });

  it("is absent when no chosen add-on runs pods (Remote API access runs none)", () => {
    const plan = computePlan(settings({ addons: { monitoring: false, tracing: false, remoteApi: true } }), business);
    expect(plan.addonRequests).toBeUndefined();
    expect(plan.quota.verdicts.map((v) => v.quota)).not.toContain("workerRoom");
  });

  it("refuses the add-ons when no worker has room for a pod, as the scheduler would, and says what to do", () => {
    // 12 cloudlets: 4.8 CPU and 1.5 GiB each; prometheus-server (1 GiB) fits, but not everything beside it.
    const one = assessAddonRequests(workersOf(1, 12), both)!;
    expect(one.fits).toBe(false);
    expect(one.unplaced).toEqual(["grafana", "jaeger", "jaeger-operator"]);
    const two = assessAddonRequests(workersOf(2, 12), both)!;
    expect(two).toMatchObject({ fits: true, unplaced: [], workers: { count: 2, cpuMillis: 9600, memoryMiB: 3072 } });
  });

  it("refuses a pod larger than any one worker even when the workers' sum would hold it", () => {
    // 6 cloudlets: 768 MiB each; prometheus-server asks 1 GiB, which no single node has, though 3 nodes sum 2.25 GiB.
    const r = assessAddonRequests(workersOf(3, 6), { monitoring: true, tracing: false, remoteApi: false })!;
    expect(r.workers.memoryMiB).toBeGreaterThan(r.total.memoryMiB);
    expect(r.unplaced).toEqual(["prometheus-server"]);
  });

  it("turns the plan's verdict and quota.ok when the workers have no room", () => {
    const groups = workersOf(1, 12);
    const quota = assessQuotas(groups, business, {
      requestedWorkers: 1,
      addonRequests: assessAddonRequests(groups, both),
    });
    const verdict = quota.verdicts.find((v) => v.quota === "workerRoom")!;
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toBe(
      "Room on the workers: Monitoring and Tracing request 1.25 CPU and 2.6 GiB, but the 1 worker (4.8 CPU and 1.5 GiB) has no room for grafana, jaeger, jaeger-operator. Add workers or use bigger ones, or leave an add-on out.",
    );
    expect(quota.ok).toBe(false);
  });
});

describe("the plan's domain", () => {
  it.each(["Mon-Cluster", "9abc", "a", "abc-", "a--b", ""])(
    "shows a placeholder, never %j, until the name is valid",
    (name) => {
      const plan = computePlan(settings({ name }), business);
      expect(plan.domain).toBe("<name>.fra.clusterport.cloud");
      expect(plan.endpoints.cluster).toBe("https://<name>.fra.clusterport.cloud/");
      expect(plan.nodeGroups[0]!.nodes[0]!.hostname).toBe("k8sm-1.<name>.fra.clusterport.cloud");
    },
  );

  it("shows the real domain for a valid name", () => {
    expect(computePlan(settings({ name: "mon-cluster" }), business).domain).toBe("mon-cluster.fra.clusterport.cloud");
  });
});
