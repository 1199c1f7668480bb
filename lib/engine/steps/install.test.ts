import { describe, expect, it } from "vitest";
import {
  type NodeSpec,
  type NodeStatus,
  type PersistentVolumeClaimStatus,
  type PodSpec,
  type PodStatus,
  type StorageClassSpec,
} from "@/lib/engine/sim";
import type { HealthLine } from "@/lib/engine/step-context";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { secretNames } from "./secret-names";
import { createStepHarness, teardownSteps, type HarnessDns, type StepHarness } from "./testing/step-harness";

const allAddons = { monitoring: true, tracing: true, remoteApi: true };

/** `dns`: what the cluster's DNS look-ups answer (a certificate's domain must point at the cluster). */
function install(settings: Partial<InstallSettings>, dns: HarnessDns = {}): { h: StepHarness; report: HealthLine[] } {
  const h = createStepHarness({ settings, dns });
  const outputs = h.runAll(h.plan.steps);
  const report = (outputs.get("check-health") as { report: HealthLine[] }).report;
  return { h, report };
}

function statusOf(report: HealthLine[]): Record<string, string> {
  return Object.fromEntries(report.map((l) => [l.component, l.status]));
}

describe("full installs", () => {
  it("development with storage: 3 machines, 2 Ready nodes, a healthy report", () => {
    const { h, report } = install({});
    const sim = h.sim();
    expect(sim.machines.list().map((m) => [m.nodeId, m.state])).toEqual([
      ["cp-1", "running"],
      ["k8sm-1", "running"],
      ["storage-1", "running"],
    ]);
    const nodes = sim.objects.list<NodeSpec, NodeStatus>("Node");
    expect(nodes.map((n) => [n.name, n.spec.role, n.status.ready])).toEqual([
      ["cp-1", "worker", true],
      ["k8sm-1", "control-plane", true],
    ]);
    expect(statusOf(report)).toEqual({
      "Kubernetes nodes": "OK",
      "Control plane": "OK",
      "Weave Net": "OK",
      "Ingress controller (NGINX)": "OK",
      "metrics-server": "OK",
      "Dashboard (Headlamp)": "OK",
      "node-problem-detector": "OK",
      "NFS storage": "OK",
      "Monitoring (Prometheus & Grafana)": "Not enabled",
      Jaeger: "Not enabled",
      "Remote API": "Not enabled",
      Certificate: "Not enabled",
      Application: "OK",
    });
    expect(report[0]!.detail).toBe("2/2 Ready: 1 control plane, 1 worker");
    // Objects the steps promise.
    const sc = sim.objects.get<StorageClassSpec>({ kind: "StorageClass", name: "clusterport-nfs" })!;
    expect(sc.spec.isDefault).toBe(true);
    expect(sc.spec.parameters.server).toBe(`storage-1.${h.plan.domain}`);
    expect(sim.objects.get({ kind: "Ingress", namespace: "default", name: "hello-kubernetes" })).toBeDefined();
    expect(sim.objects.get({ kind: "Ingress", namespace: "headlamp", name: "kubernetes-dashboard" })).toBeDefined();
    expect(sim.objects.get({ kind: "ClusterRoleBinding", name: "fulladmin" })?.spec).toMatchObject({
      roleRef: "cluster-admin",
    });
    expect(sim.objects.list("EtcdMember").map((m) => m.name)).toEqual(["k8sm-1"]);
    const hello = sim.objects
      .list<{ owner: { name: string } }, PodStatus>("Pod", "default")
      .filter((p) => p.spec.owner.name === "hello-kubernetes");
    expect(hello.map((p) => p.status.phase)).toEqual(["Running", "Running"]);
    // Secrets and their formats; the CA hash is public, in cluster-info.
    expect(h.secret("bootstrap-token")).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    expect((h.secret("admin-token") ?? "").length).toBeGreaterThan(400);
    const info = sim.objects.get<{ data: { caCertHash: string; server: string } }>({
      kind: "ConfigMap",
      namespace: "kube-public",
      name: "cluster-info",
    })!;
    expect(info.spec.data.caCertHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(info.spec.data.server).toBe(`https://k8sm.${h.plan.domain}:6443`);
  });

  it("production with storage and every add-on: 10 machines, 5 Ready nodes, 3 etcd members, all OK", () => {
    const { h, report } = install(
      { topology: "production", workers: 2, addons: allAddons, certificateDomain: "shop.example.com" },
      { "shop.example.com": "here" },
    );
    const sim = h.sim();
    expect(sim.machines.list({ states: ["running"] })).toHaveLength(10);
    expect(sim.objects.list<NodeSpec, NodeStatus>("Node").filter((n) => n.status.ready)).toHaveLength(5);
    expect(sim.objects.list("EtcdMember")).toHaveLength(3);
    expect(report.every((l) => l.status === "OK")).toBe(true);
    expect(report[0]!.detail).toBe("5/5 Ready: 3 control plane, 2 workers");
    // kubeadm's endpoint is the balancers, which front all three control planes.
    for (const balancer of sim.machines.list({ nodeGroup: "mbl" })) expect(balancer.facts.backends).toHaveLength(3);
    const sc = sim.objects.get<StorageClassSpec>({ kind: "StorageClass", name: "clusterport-nfs" })!;
    expect(sc.spec.parameters).toMatchObject({ server: `storage.${h.plan.domain}`, path: "/data" });
    expect(sim.machines.get("storage-2")?.facts.gluster).toMatchObject({
      volume: "data",
      replicas: 3,
      status: "Started",
    });
    const grafana = sim.objects.get<unknown, PersistentVolumeClaimStatus>({
      kind: "PersistentVolumeClaim",
      namespace: "kubernetes-monitoring",
      name: "grafana",
    })!;
    expect(grafana.status).toMatchObject({ phase: "Bound", storageClassName: "clusterport-nfs" });
    expect(sim.objects.get({ kind: "HelmRelease", namespace: "cert-manager", name: "cert-manager" })).toBeDefined();
    expect(sim.objects.get({ kind: "Jaeger", namespace: "observability", name: "jaeger" })).toBeDefined();
    expect(sim.objects.get({ kind: "Ingress", namespace: "default", name: "kubernetes-api" })).toBeDefined();
    expect(h.secret("grafana-password")).toMatch(/^[a-z0-9]{24}$/);
    expect(h.secret("jaeger-password")).toMatch(/^[a-z0-9]{32}$/);
    // The ingress controller runs one pod per worker.
    const ingressPods = sim.objects.list<{ owner: { name: string }; nodeName: string }>("Pod", "ingress-nginx");
    expect(ingressPods.map((p) => p.spec.nodeName).sort()).toEqual(["cp-1", "cp-2"]);
    // The add-ons' pods request what the plan placed on the workers, and run there.
    const addonPods = [
      ...sim.objects.list<PodSpec, PodStatus>("Pod", "kubernetes-monitoring"),
      ...sim.objects.list<PodSpec, PodStatus>("Pod", "observability"),
    ];
    const prometheus = addonPods.find((p) => p.spec.owner.name === "prometheus-server")!;
    expect(prometheus.spec.requests).toEqual({ cpuMillis: 500, memoryBytes: 1024 * 1024 * 1024 });
    expect(addonPods.find((p) => p.spec.owner.name === "jaeger")!.spec.requests).toEqual({
      cpuMillis: 250,
      memoryBytes: 512 * 1024 * 1024,
    });
    const requested = addonPods.filter((p) => p.spec.requests).map((p) => p.spec.requests!.cpuMillis);
    expect(requested.reduce((a, b) => a + b, 0)).toBe(500 + 50 + 100 + 250 + 250 + 100);
    expect(
      addonPods
        .filter((p) => p.spec.requests)
        .every((p) => p.status.phase === "Running" && ["cp-1", "cp-2"].includes(p.spec.nodeName!)),
    ).toBe(true);
  });

  it("development without storage installs node-problem-detector with the components", () => {
    const { h, report } = install({ storage: false, workers: 2 });
    const sim = h.sim();
    expect(statusOf(report)["NFS storage"]).toBe("Not enabled");
    expect(statusOf(report)["node-problem-detector"]).toBe("OK");
    expect(sim.objects.list("StorageClass")).toEqual([]);
    expect(sim.machines.list()).toHaveLength(3);
  });

  it.each([
    ["traefik", "headlamp", "ingress-traefik", "Ingress controller (Traefik)", "Dashboard (Headlamp)"],
    ["haproxy", "skooner", "haproxy-controller", "Ingress controller (HAProxy)", "Dashboard (Skooner)"],
    [
      "nginx",
      "kubernetes-dashboard",
      "ingress-nginx",
      "Ingress controller (NGINX)",
      "Dashboard (Kubernetes Dashboard)",
    ],
  ])("ingress %s with dashboard %s is healthy", (ingress, dashboard, namespace, ingressLine, dashboardLine) => {
    const { h, report } = install({ ingress, dashboard, storage: false });
    const status = statusOf(report);
    expect(status[ingressLine]).toBe("OK");
    expect(status[dashboardLine]).toBe("OK");
    const sim = h.sim();
    expect(sim.objects.get({ kind: "Namespace", name: namespace })).toBeDefined();
  });

  it("a custom Helm chart becomes a release with its workload", () => {
    const { h, report } = install({
      deployment: "custom",
      custom: {
        kind: "helm",
        repositoryUrl: "https://charts.bitnami.com/bitnami",
        chart: "bitnami/nginx",
        chartVersion: "18.2.4",
        values: "replicaCount: 3\nimage:\n  repository: bitnami/nginx\n  tag: 1.29.1\n",
        manifests: "",
      },
    });
    const sim = h.sim();
    expect(sim.objects.get({ kind: "HelmRelease", namespace: "default", name: "nginx" })).toMatchObject({
      spec: {
        chart: "bitnami/nginx",
        repo: "https://charts.bitnami.com/bitnami",
        version: "18.2.4",
        values: { replicaCount: 3 },
      },
      status: { status: "deployed", revision: 1 },
    });
    expect(sim.objects.get({ kind: "Deployment", namespace: "default", name: "nginx" })?.spec).toMatchObject({
      replicas: 3,
      image: "bitnami/nginx:1.29.1",
    });
    expect(statusOf(report).Application).toBe("OK");
  });

  it("custom manifests are applied object by object", () => {
    const manifests = [
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.29",
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80",
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  mode: demo",
    ].join("\n---\n");
    const { h, report } = install({
      deployment: "custom",
      custom: { kind: "manifests", repositoryUrl: "", chart: "", chartVersion: "", values: "", manifests },
    });
    const sim = h.sim();
    expect(sim.objects.get({ kind: "Deployment", namespace: "shop", name: "web" })?.status).toEqual({
      desired: 2,
      ready: 2,
    });
    expect(sim.objects.get({ kind: "ConfigMap", namespace: "shop", name: "settings" })?.spec).toMatchObject({
      manifest: { data: { mode: "demo" } },
    });
    expect(report.find((l) => l.component === "Application")).toMatchObject({ status: "OK" });
  });
});

it("no log line contains a secret, nor does any simulated object", () => {
  const h = createStepHarness({
    settings: { topology: "production", workers: 2, addons: { monitoring: true, tracing: true, remoteApi: true } },
  });
  h.runAll(h.plan.steps);
  h.runAll(h.plan.steps); // the "already done" paths log too
  // Registry credentials come with a day-2 request, stored before their step runs.
  const registryPassword = "pw-9f8e7d6c5b4a";
  h.putSecret(
    secretNames.registryCredentials,
    JSON.stringify({ registry: "ghcr.io", username: "alice", password: registryPassword, email: "" }),
  );
  h.run({ key: "apply-registry-credentials", name: "apply-registry-credentials" });
  const values = Object.values(secretNames).map((name) => {
    const value = h.secret(name);
    expect(value, name).toBeDefined();
    return name === secretNames.registryCredentials ? registryPassword : value!;
  });
  const token = h.secret(secretNames.bootstrapToken)!;
  const secretPart = token.split(".")[1]!;
  const objects = JSON.stringify(h.snapshot().objects);
  const machines = JSON.stringify(h.snapshot().machines);
  h.runAll(teardownSteps(h));
  const lines = h.logLines().map((l) => l.message);
  expect(lines.some((l) => l.includes("--token <REDACTED>"))).toBe(true);
  expect(lines).toContain("[bootstrap-token] Using token: <REDACTED>");
  for (const value of [...values, secretPart]) {
    expect(lines.filter((l) => l.includes(value))).toEqual([]);
    expect(objects.includes(value)).toBe(false);
    expect(machines.includes(value)).toBe(false);
  }
});
