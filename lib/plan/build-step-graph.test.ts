import { describe, expect, it } from "vitest";
import { findAccountPlan, ingressControllers, kubernetesVersions, regions } from "@/lib/catalog";
import {
  defaultInstallSettings,
  installSettingsSchema,
  type InstallSettings,
} from "@/lib/validations/install-settings";
import { computePlan } from "./compute-plan";
import { describeStep } from "./describe-step";
import { findGraphProblems } from "./find-graph-problems";
import { planStages } from "./plan-stages";
import { scheduleSteps } from "./schedule-steps";
import { isStepName } from "./step-names";
import type { EnvironmentPlan, QuotaContext } from "./types";

const business: QuotaContext = { plan: findAccountPlan("business")!, environmentsInUse: 0 };
const noAddons = { monitoring: false, tracing: false, remoteApi: false };
const allAddons = { monitoring: true, tracing: true, remoteApi: true };

function settings(overrides: Partial<InstallSettings> = {}): InstallSettings {
  return { ...defaultInstallSettings("demo", "eu-central"), ...overrides };
}
const production = (overrides: Partial<InstallSettings> = {}) =>
  settings({ topology: "production", workers: 2, ...overrides });

const keys = (plan: EnvironmentPlan) => plan.steps.map((s) => s.key);
const step = (plan: EnvironmentPlan, key: string) => {
  const found = plan.steps.find((s) => s.key === key);
  if (!found) throw new Error(`no step ${key} in ${keys(plan).join(", ")}`);
  return found;
};

/** Every schema-valid combination of the choices that shape the graph. */
function* everyValidSettings(): Generator<InstallSettings> {
  for (const topology of ["development", "production"] as const) {
    for (const workers of topology === "development" ? [1, 3] : [2, 5]) {
      for (const storage of [true, false]) {
        for (const monitoring of storage ? [true, false] : [false]) {
          for (const tracing of storage ? [true, false] : [false]) {
            for (const remoteApi of [true, false]) {
              for (const ingress of ingressControllers) {
                for (const custom of [undefined, "helm", "manifests"] as const) {
                  yield settings({
                    topology,
                    workers,
                    storage,
                    ingress: ingress.id,
                    addons: { monitoring, tracing, remoteApi },
                    ...(custom === undefined
                      ? {}
                      : {
                          deployment: "custom",
                          custom: {
                            kind: custom,
                            repositoryUrl: "https://charts.bitnami.com/bitnami",
                            chart: "nginx",
                            chartVersion: "",
                            values: "",
                            manifests: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
                          },
                        }),
                  });
                }
              }
            }
          }
        }
      }
    }
  }
}

describe("step graph validity", () => {
  const all = [...everyValidSettings()];

  it("covers schema-valid settings only", () => {
    expect(all.length).toBeGreaterThan(100);
    for (const s of all) expect(installSettingsSchema.safeParse(s).success).toBe(true);
  });

  it("is acyclic, has unique keys and only dependencies that exist, for every combination", () => {
    for (const s of all) {
      const plan = computePlan(s, business);
      expect(findGraphProblems(plan.steps)).toEqual([]);
      expect(new Set(keys(plan)).size).toBe(plan.steps.length);
    }
  });

  it("lists every step after all of its dependencies", () => {
    for (const s of all) {
      const seen = new Set<string>();
      for (const st of computePlan(s, business).steps) {
        for (const dep of st.dependsOn) expect(seen.has(dep), `${st.key} before ${dep}`).toBe(true);
        seen.add(st.key);
      }
    }
  });

  it("ends with check-health, which depends on exactly the steps nothing else depends on", () => {
    for (const s of all) {
      const plan = computePlan(s, business);
      const last = plan.steps.at(-1)!;
      expect(last.key).toBe("check-health");
      const others = plan.steps.slice(0, -1);
      const dependedOn = new Set(others.flatMap((st) => st.dependsOn));
      const leaves = others.filter((st) => !dependedOn.has(st.key)).map((st) => st.key);
      expect([...last.dependsOn].sort()).toEqual(leaves.sort());
      expect(plan.steps.filter((st) => st.dependsOn.includes("check-health"))).toEqual([]);
    }
  });

  it("names every step from stepNames, keys fanned-out steps by node, and describes each", () => {
    for (const s of all) {
      for (const st of computePlan(s, business).steps) {
        expect(isStepName(st.name), st.name).toBe(true);
        expect(st.key).toBe(st.node === undefined ? st.name : `${st.name}:${st.node}`);
        expect(describeStep(st.name)).toBeTruthy();
        expect(st.title).not.toBe("");
        expect(st.estimatedSeconds).toBeGreaterThan(0);
      }
    }
  });

  it("only depends on steps of the same or an earlier stage, so stages read in execution order", () => {
    const rank = new Map(planStages.map((s, i) => [s.id, i]));
    for (const s of all) {
      const plan = computePlan(s, business);
      for (const st of plan.steps) {
        for (const dep of st.dependsOn) {
          expect(rank.get(step(plan, dep).stage)!, `${st.key} → ${dep}`).toBeLessThanOrEqual(rank.get(st.stage)!);
        }
      }
    }
  });

  it("has an install step for every catalogue ingress controller", () => {
    for (const c of ingressControllers) expect(isStepName(c.installStep), c.installStep).toBe(true);
  });

  it("is the same for every version and region: they label the plan, they do not shape the install", () => {
    const reference = computePlan(production(), business).steps;
    for (const version of kubernetesVersions) {
      for (const region of regions) {
        const plan = computePlan(production({ version: version.id, region: region.id }), business);
        expect(plan.steps).toEqual(reference);
      }
    }
  });
});

describe("development steps", () => {
  it("with storage: one of each per-node step, NFS without GlusterFS, helm-components before deploy", () => {
    const plan = computePlan(settings(), business);
    expect(keys(plan)).toEqual([
      "prepare-instance:k8sm-1",
      "prepare-instance:cp-1",
      "prepare-storage:storage-1",
      "init-main-cplane",
      "connect-worker:cp-1",
      "setup-overlay",
      "install-nginx",
      "install-components",
      "helm-components",
      "deploy",
      "check-health",
    ]);
    expect(step(plan, "init-main-cplane").dependsOn).toEqual(["prepare-instance:k8sm-1"]);
    expect(step(plan, "helm-components").dependsOn).toEqual(
      expect.arrayContaining(["install-components", "prepare-storage:storage-1", "connect-worker:cp-1"]),
    );
    expect(step(plan, "deploy").dependsOn).toEqual(["install-nginx", "helm-components"]);
    expect(step(plan, "check-health").dependsOn).toEqual(["deploy"]);
  });

  it("schedules as the table in docs/plan.md says", () => {
    const at = scheduleSteps(computePlan(settings(), business).steps);
    expect(Object.fromEntries(Object.entries(at).map(([k, w]) => [k, [w.start, w.finish]]))).toEqual({
      "prepare-instance:k8sm-1": [0, 45],
      "prepare-instance:cp-1": [0, 45],
      "prepare-storage:storage-1": [0, 40],
      "init-main-cplane": [45, 135],
      "connect-worker:cp-1": [135, 180],
      "setup-overlay": [135, 165],
      "install-nginx": [180, 220],
      "install-components": [180, 240],
      "helm-components": [240, 285],
      deploy: [285, 315],
      "check-health": [315, 335],
    });
  });

  it("without storage: no storage steps, and node-problem-detector moves into install-components", () => {
    const plan = computePlan(settings({ storage: false }), business);
    for (const name of ["prepare-storage", "create-gluster-volume", "helm-components"]) {
      expect(
        plan.steps.some((s) => s.name === name),
        name,
      ).toBe(false);
    }
    expect(step(plan, "install-components").title).toMatch(/node-problem-detector/);
    expect(step(plan, "deploy").dependsOn).toEqual(["install-nginx"]);
    expect(step(plan, "check-health").dependsOn).toEqual(["install-components", "deploy"]);
  });

  it("has no API balancer or secondary control-plane steps", () => {
    const names = computePlan(settings(), business).steps.map((s) => s.name);
    expect(names).not.toContain("setup-api-balancer");
    expect(names).not.toContain("init-secondary-cplane");
  });

  it("fans out prepare-instance and connect-worker per worker", () => {
    const plan = computePlan(settings({ workers: 3 }), business);
    expect(keys(plan).filter((k) => k.startsWith("connect-worker:"))).toEqual([
      "connect-worker:cp-1",
      "connect-worker:cp-2",
      "connect-worker:cp-3",
    ]);
    expect(step(plan, "connect-worker:cp-3").dependsOn).toEqual(["init-main-cplane", "prepare-instance:cp-3"]);
    expect(step(plan, "install-nginx").dependsOn).toEqual([
      "setup-overlay",
      "connect-worker:cp-1",
      "connect-worker:cp-2",
      "connect-worker:cp-3",
    ]);
  });
});

describe("production steps", () => {
  it("sets up both balancers before kubeadm init, which also waits for the first control plane", () => {
    const plan = computePlan(production(), business);
    expect(step(plan, "setup-api-balancer:mbl-1").dependsOn).toEqual([]);
    expect(step(plan, "init-main-cplane").dependsOn).toEqual([
      "prepare-instance:k8sm-1",
      "setup-api-balancer:mbl-1",
      "setup-api-balancer:mbl-2",
    ]);
  });

  it("joins the secondary control planes one at a time, each after its own preparation", () => {
    const plan = computePlan(production(), business);
    expect(step(plan, "init-secondary-cplane:k8sm-2").dependsOn).toEqual([
      "init-main-cplane",
      "prepare-instance:k8sm-2",
    ]);
    expect(step(plan, "init-secondary-cplane:k8sm-3").dependsOn).toEqual([
      "init-main-cplane",
      "init-secondary-cplane:k8sm-2",
      "prepare-instance:k8sm-3",
    ]);
    expect(plan.steps.some((s) => s.key === "init-secondary-cplane:k8sm-1")).toBe(false);
  });

  it("joins workers while the secondary control planes join", () => {
    const plan = computePlan(production(), business);
    const at = scheduleSteps(plan.steps);
    expect(at["connect-worker:cp-1"]!.start).toBe(at["init-main-cplane"]!.finish);
    expect(at["connect-worker:cp-2"]!.start).toBe(at["init-secondary-cplane:k8sm-2"]!.start);
    expect(step(plan, "check-health").dependsOn).toContain("init-secondary-cplane:k8sm-3");
  });

  it("builds the GlusterFS volume from all three storage nodes before the NFS provisioner", () => {
    const plan = computePlan(production(), business);
    expect(step(plan, "create-gluster-volume").dependsOn).toEqual([
      "prepare-storage:storage-1",
      "prepare-storage:storage-2",
      "prepare-storage:storage-3",
    ]);
    expect(step(plan, "helm-components").dependsOn).toContain("create-gluster-volume");
    expect(step(plan, "helm-components").dependsOn).not.toContain("prepare-storage:storage-1");
  });

  it("without storage has no GlusterFS, provisioner or storage-node steps", () => {
    const names = computePlan(production({ storage: false }), business).steps.map((s) => s.name);
    expect(names).not.toContain("prepare-storage");
    expect(names).not.toContain("create-gluster-volume");
    expect(names).not.toContain("helm-components");
  });

  it.each([
    ["with storage and every add-on", production({ addons: allAddons })],
    ["with storage, no add-ons", production({ addons: noAddons })],
    ["without storage", production({ storage: false, addons: { ...noAddons, remoteApi: true } })],
    ["with 8 workers", production({ workers: 8, addons: allAddons })],
  ])("runs in parallel %s: critical path under half the sequential sum", (_label, s) => {
    const { estimate, steps } = computePlan(s, business);
    expect(estimate.sequentialSeconds).toBe(steps.reduce((sum, st) => sum + st.estimatedSeconds, 0));
    expect(estimate.criticalPathSeconds * 2).toBeLessThan(estimate.sequentialSeconds);
  });

  it("estimates the default production install at 335 s on the critical path (see docs/plan.md)", () => {
    expect(computePlan(production(), business).estimate).toEqual({
      criticalPathSeconds: 335,
      sequentialSeconds: 940,
    });
  });
});

describe("ingress, deployment and add-on steps", () => {
  it.each(ingressControllers.map((c) => [c.id, c.installStep, c.name] as const))(
    "installs the %s controller with its own step",
    (id, installStep, name) => {
      const plan = computePlan(settings({ ingress: id }), business);
      const ingress = step(plan, installStep);
      expect(ingress.stage).toBe("network");
      expect(ingress.title).toBe(`Install the ${name} ingress controller`);
      expect(plan.steps.filter((s) => s.name.startsWith("install-") && isIngress(s.name))).toHaveLength(1);
    },
  );

  function isIngress(name: string) {
    return ingressControllers.some((c) => c.installStep === name);
  }

  it("deploys hello-world for a clean cluster, and the custom chart or manifests otherwise", () => {
    const clean = step(computePlan(settings(), business), "deploy");
    expect(clean).toMatchObject({ title: "Deploy the hello-world sample app", estimatedSeconds: 30 });

    const base = settings().custom;
    const helm = step(
      computePlan(
        settings({ deployment: "custom", custom: { ...base, kind: "helm", chart: "bitnami/nginx" } }),
        business,
      ),
      "deploy",
    );
    expect(helm).toMatchObject({ title: "Install your Helm chart bitnami/nginx", estimatedSeconds: 60 });

    const manifests = step(
      computePlan(settings({ deployment: "custom", custom: { ...base, kind: "manifests" } }), business),
      "deploy",
    );
    expect(manifests).toMatchObject({ title: "Apply your Kubernetes manifests", estimatedSeconds: 45 });
  });

  it("adds each add-on's step only when chosen, after the ingress (and the StorageClass when it keeps data)", () => {
    const none = computePlan(settings({ addons: noAddons }), business).steps.map((s) => s.name);
    for (const name of ["setup-remote-api", "install-monitoring", "install-jaeger"]) expect(none).not.toContain(name);

    const plan = computePlan(settings({ addons: allAddons }), business);
    expect(step(plan, "setup-remote-api").dependsOn).toEqual(["install-nginx"]);
    expect(step(plan, "install-monitoring").dependsOn).toEqual(["helm-components", "install-nginx"]);
    expect(step(plan, "install-jaeger").dependsOn).toEqual(["helm-components", "install-nginx"]);
    expect(step(plan, "check-health").dependsOn).toEqual([
      "deploy",
      "setup-remote-api",
      "install-monitoring",
      "install-jaeger",
    ]);

    const onlyApi = computePlan(settings({ addons: { ...noAddons, remoteApi: true } }), business);
    expect(onlyApi.steps.filter((s) => s.stage === "addons").map((s) => s.key)).toEqual(["setup-remote-api"]);
  });

  it("titles steps as sentences naming the node or component", () => {
    const plan = computePlan(production({ dashboard: "skooner" }), business);
    expect(step(plan, "prepare-instance:k8sm-1").title).toBe("Prepare instance k8sm-1");
    expect(step(plan, "init-main-cplane").title).toBe("Initialise the first control plane (kubeadm init)");
    expect(step(plan, "init-secondary-cplane:k8sm-2").title).toBe("Join control plane k8sm-2");
    expect(step(plan, "connect-worker:cp-1").title).toBe("Join worker cp-1");
    expect(step(plan, "setup-overlay").title).toBe("Install the Weave Net overlay network (CNI)");
    expect(step(plan, "install-components").title).toMatch(/Skooner dashboard/);
  });
});
