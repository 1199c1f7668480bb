import { describe, expect, it } from "vitest";
import { findAccountPlan, nodeGroupById, pricing, type NodeGroupId } from "@/lib/catalog";
import { defaultInstallSettings, type InstallSettings } from "@/lib/validations/install-settings";
import { computePlan } from "./compute-plan";
import type { EnvironmentPlan, QuotaContext } from "./types";

const business: QuotaContext = { plan: findAccountPlan("business")!, environmentsInUse: 0 };

function settings(overrides: Partial<InstallSettings> = {}): InstallSettings {
  return { ...defaultInstallSettings("demo", "eu-central"), ...overrides };
}

const production = (overrides: Partial<InstallSettings> = {}) =>
  settings({ topology: "production", workers: 2, ...overrides });

function counts(plan: EnvironmentPlan): Partial<Record<NodeGroupId, number>> {
  return Object.fromEntries(plan.nodeGroups.map((g) => [g.id, g.count]));
}

/** Recomputed here from the catalogue, independently of compute-price.ts. */
function expectedHourly(nodes: Partial<Record<NodeGroupId, number>>, factor: number, atLimit = false): number {
  let cloudlets = 0;
  let disk = 0;
  for (const [id, count] of Object.entries(nodes) as [NodeGroupId, number][]) {
    cloudlets += count * (atLimit ? nodeGroupById[id].cloudletLimit : nodeGroupById[id].reservedCloudlets);
    disk += count * nodeGroupById[id].diskGb;
  }
  return (cloudlets * pricing.cloudletHour + disk * pricing.diskGbHour) * factor;
}

describe("computePlan: node groups", () => {
  it("development with storage: 1 control plane, 1 worker, 1 NFS storage node, no balancers", () => {
    const plan = computePlan(settings(), business);
    expect(plan.topology).toBe("development");
    expect(plan.nodeGroups.map((g) => [g.id, g.count])).toEqual([
      ["k8sm", 1],
      ["cp", 1],
      ["storage", 1],
    ]);
    expect(plan.nodeGroups.find((g) => g.id === "storage")?.note).toBe("NFS server");
  });

  it("development without storage has no storage group", () => {
    const plan = computePlan(settings({ storage: false }), business);
    expect(counts(plan)).toEqual({ k8sm: 1, cp: 1 });
    expect(plan.totals.nodes).toBe(2);
  });

  it("production with storage: 2 balancers, 3 control planes, 2 workers, 3 GlusterFS storage nodes, in catalogue order", () => {
    const plan = computePlan(production(), business);
    expect(plan.nodeGroups.map((g) => [g.id, g.count])).toEqual([
      ["mbl", 2],
      ["k8sm", 3],
      ["cp", 2],
      ["storage", 3],
    ]);
    expect(plan.totals.nodes).toBe(10);
    expect(plan.nodeGroups.find((g) => g.id === "storage")?.note).toMatch(/GlusterFS replicated volume across 3 nodes/);
    expect(plan.nodeGroups.find((g) => g.id === "mbl")?.note).toBe("HAProxy, TCP 6443 to the control planes");
  });

  it("production without storage has 7 nodes", () => {
    const plan = computePlan(production({ storage: false }), business);
    expect(counts(plan)).toEqual({ mbl: 2, k8sm: 3, cp: 2 });
    expect(plan.totals.nodes).toBe(7);
  });

  it("uses the requested workers, but never fewer than the topology's minimum", () => {
    expect(counts(computePlan(settings({ workers: 4 }), business)).cp).toBe(4);
    expect(counts(computePlan(production({ workers: 5 }), business)).cp).toBe(5);
    expect(counts(computePlan(production({ workers: 1 }), business)).cp).toBe(2);
  });

  it("names nodes 1-based with hostnames under the environment domain; only workers scale", () => {
    const plan = computePlan(production(), business);
    expect(plan.domain).toBe("demo.fra.clusterport.cloud");
    const controlPlane = plan.nodeGroups.find((g) => g.id === "k8sm")!;
    expect(controlPlane.nodes).toEqual([
      { id: "k8sm-1", group: "k8sm", index: 1, hostname: "k8sm-1.demo.fra.clusterport.cloud" },
      { id: "k8sm-2", group: "k8sm", index: 2, hostname: "k8sm-2.demo.fra.clusterport.cloud" },
      { id: "k8sm-3", group: "k8sm", index: 3, hostname: "k8sm-3.demo.fra.clusterport.cloud" },
    ]);
    expect(plan.nodeGroups.filter((g) => g.scalable).map((g) => g.id)).toEqual(["cp"]);
  });

  it("gives per-node resources from the catalogue: 128 MiB and 400 MHz per reserved cloudlet", () => {
    const plan = computePlan(production(), business);
    for (const g of plan.nodeGroups) {
      const spec = nodeGroupById[g.id];
      expect(g).toMatchObject({
        name: spec.name,
        role: spec.role,
        stack: spec.stack,
        reservedCloudlets: spec.reservedCloudlets,
        cloudletLimit: spec.cloudletLimit,
        ramMiB: spec.reservedCloudlets * 128,
        cpuMHz: spec.reservedCloudlets * 400,
        diskGb: spec.diskGb,
      });
    }
  });
});

describe("computePlan: totals and price", () => {
  it("sums every node of every group", () => {
    const plan = computePlan(production({ workers: 3 }), business);
    const sum = (f: (id: NodeGroupId) => number) =>
      (Object.entries(counts(plan)) as [NodeGroupId, number][]).reduce((acc, [id, n]) => acc + n * f(id), 0);
    expect(plan.totals).toEqual({
      nodes: 11,
      reservedCloudlets: sum((id) => nodeGroupById[id].reservedCloudlets),
      cloudletLimit: sum((id) => nodeGroupById[id].cloudletLimit),
      ramMiB: sum((id) => nodeGroupById[id].reservedCloudlets * 128),
      cpuMHz: sum((id) => nodeGroupById[id].reservedCloudlets * 400),
      diskGb: sum((id) => nodeGroupById[id].diskGb),
    });
  });

  it.each([
    ["development, storage", settings()],
    ["development, no storage", settings({ storage: false })],
    ["production, storage", production()],
    ["production, no storage, 4 workers", production({ storage: false, workers: 4 })],
  ])("prices %s from reserved cloudlets and disk", (_label, s) => {
    const plan = computePlan(s, business);
    const hourly = expectedHourly(counts(plan), 1);
    const atLimit = expectedHourly(counts(plan), 1, true);
    expect(plan.price.currency).toBe("USD");
    expect(plan.price.hourly).toBeCloseTo(hourly, 4);
    expect(plan.price.monthly).toBeCloseTo(hourly * pricing.hoursPerMonth, 2);
    expect(plan.price.hourlyAtLimit).toBeCloseTo(atLimit, 4);
    expect(plan.price.monthlyAtLimit).toBeCloseTo(atLimit * pricing.hoursPerMonth, 2);
    expect(plan.price.hourlyAtLimit).toBeGreaterThan(plan.price.hourly);
  });

  it("matches the worked example in docs/plan.md (development with storage, Frankfurt)", () => {
    expect(computePlan(settings(), business).price).toEqual({
      currency: "USD",
      hourly: 0.089,
      monthly: 64.97,
      hourlyAtLimit: 0.199,
      monthlyAtLimit: 145.27,
    });
  });

  it("applies the region's price factor (Geneva 1.2) and rounds to 4 and 2 decimals", () => {
    const plan = computePlan(settings({ region: "ch-west" }), business);
    expect(plan.domain).toBe("demo.gva.clusterport.cloud");
    expect(plan.price.hourly).toBe(0.1068);
    expect(plan.price.monthly).toBe(77.96);
    for (const value of Object.values(plan.price).filter((v): v is number => typeof v === "number")) {
      expect(Number(value.toFixed(4))).toBe(value);
    }
  });

  it("prices an unknown region at factor 1 and makes its domain visibly invalid", () => {
    const plan = computePlan(settings({ region: "mars" }), business);
    expect(plan.region).toBe("mars");
    expect(plan.domain).toBe("demo.mars.invalid");
    expect(plan.price).toEqual(computePlan(settings(), business).price);
    expect(plan.nodeGroups[0]?.nodes[0]?.hostname).toBe("k8sm-1.demo.mars.invalid");
  });
});

describe("computePlan: endpoints", () => {
  it("development reaches the API on the control plane and has only the base endpoints", () => {
    expect(computePlan(settings(), business).endpoints).toEqual({
      cluster: "https://demo.fra.clusterport.cloud/",
      apiServer: "https://k8sm.demo.fra.clusterport.cloud:6443",
      dashboard: "https://demo.fra.clusterport.cloud/kubernetes-dashboard/",
    });
  });

  it("production reaches the API through the balancers", () => {
    expect(computePlan(production(), business).endpoints.apiServer).toBe("https://mbl.demo.fra.clusterport.cloud:6443");
  });

  it("adds the remote API, Grafana, Prometheus and Jaeger endpoints with their add-ons", () => {
    const plan = computePlan(settings({ addons: { monitoring: true, tracing: true, remoteApi: true } }), business);
    expect(plan.endpoints).toMatchObject({
      remoteApi: "https://demo.fra.clusterport.cloud/api/",
      grafana: "https://demo.fra.clusterport.cloud/grafana/",
      prometheus: "https://demo.fra.clusterport.cloud/prometheus/",
      jaeger: "https://demo.fra.clusterport.cloud/jaeger/",
    });
  });

  it("adds only the endpoints of the chosen add-ons, and omits the others as keys", () => {
    const plan = computePlan(settings({ addons: { monitoring: false, tracing: true, remoteApi: false } }), business);
    expect(Object.keys(plan.endpoints).sort()).toEqual(["apiServer", "cluster", "dashboard", "jaeger"]);
  });
});

describe("computePlan: metadata and stages", () => {
  it("carries topology, version, name and region through", () => {
    const plan = computePlan(production({ version: "1.35.9", name: "shop", region: "eu-west" }), business);
    expect(plan).toMatchObject({
      topology: "production",
      version: "1.35.9",
      name: "shop",
      region: "eu-west",
      domain: "shop.ams.clusterport.cloud",
    });
  });

  it("lists only the stages that have steps, in execution order", () => {
    const lean = computePlan(settings({ storage: false }), business);
    expect(lean.stages.map((s) => s.id)).toEqual([
      "prepare",
      "control-plane",
      "workers",
      "network",
      "components",
      "workloads",
      "health",
    ]);
    const full = computePlan(production({ addons: { monitoring: true, tracing: false, remoteApi: false } }), business);
    expect(full.stages.map((s) => s.id)).toEqual([
      "prepare",
      "control-plane",
      "workers",
      "network",
      "components",
      "storage",
      "workloads",
      "addons",
      "health",
    ]);
    expect(full.stages.every((s) => s.title.length > 0)).toBe(true);
  });
});

describe("computePlan: determinism and robustness", () => {
  it("gives deep-equal plans for equal input, sharing no objects between calls", () => {
    const input = production({ addons: { monitoring: true, tracing: true, remoteApi: true } });
    const first = computePlan(input, business);
    const second = computePlan(structuredClone(input), business);
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);

    first.nodeGroups[0]!.nodes.push({ id: "x", group: "mbl", index: 9, hostname: "x" });
    first.steps[0]!.dependsOn.push("x");
    first.stages[0]!.title = "changed";
    expect(computePlan(input, business)).toEqual(second);
  });

  it("does not change the settings it is given", () => {
    const input = production();
    const copy = structuredClone(input);
    computePlan(input, business);
    expect(input).toEqual(copy);
  });

  it("keeps an unknown version as typed", () => {
    expect(computePlan(settings({ version: "9.9.9" }), business).version).toBe("9.9.9");
  });

  it("falls back to the default ingress controller for an unknown one", () => {
    const plan = computePlan(settings({ ingress: "envoy" }), business);
    expect(plan.steps.map((s) => s.name)).toContain("install-nginx");
  });

  it("leaves out add-ons that need storage when storage is off", () => {
    const plan = computePlan(
      settings({ storage: false, addons: { monitoring: true, tracing: true, remoteApi: true } }),
      business,
    );
    const names = plan.steps.map((s) => s.name);
    expect(names).not.toContain("install-monitoring");
    expect(names).not.toContain("install-jaeger");
    expect(names).toContain("setup-remote-api");
    expect(plan.endpoints.grafana).toBeUndefined();
    expect(plan.endpoints.remoteApi).toBe("https://demo.fra.clusterport.cloud/api/");
  });

  it.each([
    ["workers NaN (empty field)", { workers: Number.NaN }, 1],
    ["workers 0", { workers: 0 }, 1],
    ["workers negative", { workers: -3 }, 1],
    ["workers fractional", { workers: 2.7 }, 2],
    ["workers 45 (over the install limit, shown as asked)", { workers: 45 }, 45],
    ["workers huge", { workers: 1e9 }, 1000],
    ["workers Infinity", { workers: Number.POSITIVE_INFINITY }, 1],
  ])("does not throw for %s and plans a bounded worker count", (_label, overrides, workers) => {
    const plan = computePlan(settings(overrides), business);
    expect(counts(plan).cp).toBe(workers);
  });

  it("does not throw for settings missing or mistyping fields", () => {
    const broken = [
      {},
      { topology: "staging" },
      { ...settings(), addons: undefined },
      { ...settings(), custom: null, deployment: "custom" },
      { ...settings(), name: "", region: "" },
      { ...settings(), dashboard: "nope", ingress: 42, version: undefined },
    ] as unknown as InstallSettings[];
    for (const input of broken) {
      const plan = computePlan(input, business);
      expect(plan.steps.at(-1)?.key).toBe("check-health");
      expect(Number.isFinite(plan.price.monthly)).toBe(true);
    }
    expect(computePlan({ topology: "staging" } as unknown as InstallSettings, business).topology).toBe("development");
    expect(computePlan({} as InstallSettings, business).domain).toBe("<name>.invalid");
  });
});
