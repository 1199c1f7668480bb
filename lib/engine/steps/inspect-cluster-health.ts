import { nodeGroups } from "@/lib/catalog";
import {
  controlPlaneComponents,
  findDefaultStorageClass,
  findPods,
  type CertificateSpec,
  type CertificateStatus,
  type IngressSpec,
  type NodeSpec,
  type NodeStatus,
  type PersistentVolumeClaimStatus,
  type ServiceSpec,
  type Sim,
  type SimObject,
  type WorkloadSpec,
} from "@/lib/engine/sim";
import type { HealthLine, StepContext } from "@/lib/engine/step-context";
import { components, kubeVersion } from "./component-versions";
import { customHelmRelease } from "./custom-helm-release";
import { dashboardPath, dashboardWorkload } from "./dashboard-workloads";
import { helloWorldName } from "./deploy";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { jaegerNamespace } from "./install-jaeger";
import { monitoringNamespace } from "./install-monitoring";
import { customDomain } from "./issue-certificate";
import { parseManifestObjects } from "./parse-manifest-objects";
import { dashboardOf, ingressControllerOf, planHasStep, planHasStorage, planNodeIds } from "./plan-facts";
import { secretNames } from "./secret-names";
import { remoteApiIngress } from "./setup-remote-api";

type Check = { ok: boolean; detail: string };
type NodeObject = SimObject<NodeSpec, NodeStatus>;

/**
 * The "Cluster Health Check Report", read from the model alone — nodes, pods, routes, claims — never from a
 * step's own record of what it did. One line per component of the reference report: OK, FAIL, or Not enabled
 * for add-ons the plan does not include. Fault "health-check-fails" makes the ingress controller not answer.
 */
export function inspectClusterHealth(ctx: StepContext, sim: Sim): HealthLine[] {
  const { plan, settings } = ctx.environment;
  const nodes = sim.objects.list<NodeSpec, NodeStatus>("Node");
  const workers = nodes.filter((n) => n.spec.role === "worker");
  const controller = ingressControllerOf(plan, settings);
  const iw = ingressControllerWorkload(controller);
  const dashboard = dashboardOf(settings);
  const dw = dashboardWorkload(dashboard);
  const lines: HealthLine[] = [];
  const add = (component: string, check: Check | "Not enabled") =>
    lines.push(
      check === "Not enabled"
        ? { component, status: "Not enabled" }
        : { component, status: check.ok ? "OK" : "FAIL", detail: check.detail },
    );

  const controlPlanes = planNodeIds(plan, nodeGroups.controlPlane.id);
  const expectedWorkers = planNodeIds(plan, nodeGroups.workers.id).length;
  add("Kubernetes nodes", checkNodes(nodes, controlPlanes.length, expectedWorkers, kubeVersion(plan.version)));
  add("Control plane", checkControlPlane(sim, nodes, controlPlanes));
  add("Weave Net", daemonSet(sim, nodes, "kube-system", "weave-net"));
  add(
    `Ingress controller (${controller.name})`,
    ctx.faults.has("health-check-fails")
      ? {
          ok: false,
          detail: `GET ${plan.endpoints.cluster} through ${controller.name}: connection refused on :80 (the controller does not answer)`,
        }
      : all(
          daemonSet(sim, nodes, controller.namespace, iw.daemonSet),
          sim.objects.get({ kind: "IngressClass", name: iw.ingressClass })
            ? { ok: true, detail: `IngressClass ${iw.ingressClass}` }
            : { ok: false, detail: `IngressClass ${iw.ingressClass} missing` },
          workers.length > 0 ? { ok: true, detail: "" } : { ok: false, detail: "no worker to run on" },
        ),
  );
  add("metrics-server", replicas(sim, nodes, "Deployment", "kube-system", "metrics-server"));
  add(
    `Dashboard (${dashboard.name})`,
    all(
      ...dw.deployments.map((d) => replicas(sim, nodes, "Deployment", dashboard.namespace, d.name)),
      route(sim, nodes, dashboardPath),
    ),
  );
  add("node-problem-detector", daemonSet(sim, nodes, "kube-system", "node-problem-detector"));
  add("NFS storage", planHasStorage(plan) ? checkStorage(sim, nodes) : "Not enabled");
  add(
    "Monitoring (Prometheus & Grafana)",
    planHasStep(plan, "install-monitoring")
      ? all(
          replicas(sim, nodes, "Deployment", monitoringNamespace, "prometheus-server"),
          replicas(sim, nodes, "Deployment", monitoringNamespace, "grafana"),
          claim(sim, monitoringNamespace, "grafana"),
          route(sim, nodes, "/grafana"),
        )
      : "Not enabled",
  );
  add(
    "Jaeger",
    planHasStep(plan, "install-jaeger")
      ? all(
          sim.objects.get({ kind: "Jaeger", namespace: jaegerNamespace, name: "jaeger" })
            ? { ok: true, detail: "Jaeger jaeger (allInOne)" }
            : { ok: false, detail: "Jaeger CR missing" },
          replicas(sim, nodes, "Deployment", jaegerNamespace, "jaeger"),
          route(sim, nodes, "/jaeger"),
        )
      : "Not enabled",
  );
  add("Remote API", planHasStep(plan, "setup-remote-api") ? checkRemoteApi(ctx, sim, nodes) : "Not enabled");
  add(
    "Certificate",
    settings.certificateDomain ? checkCertificate(ctx, sim, settings.certificateDomain) : "Not enabled",
  );
  add("Application", checkApplication(ctx, sim, nodes));
  return lines;
}

/** The domain's Certificate Ready and its Ingress serving the host with the TLS secret. */
function checkCertificate(ctx: StepContext, sim: Sim, domain: string): Check {
  const cert = sim.objects.get<CertificateSpec, CertificateStatus>({
    kind: "Certificate",
    namespace: customDomain.namespace,
    name: customDomain.certificate,
  });
  const ingress = sim.objects.get<IngressSpec>({
    kind: "Ingress",
    namespace: customDomain.namespace,
    name: customDomain.ingress,
  });
  if (!cert || cert.spec.domain !== domain) return { ok: false, detail: `no certificate for ${domain}` };
  if (!cert.status.ready) return { ok: false, detail: `${domain}: ${cert.status.reason}` };
  if (cert.status.notAfter && new Date(cert.status.notAfter).getTime() <= ctx.now.getTime())
    return { ok: false, detail: `${domain}: expired ${cert.status.notAfter.slice(0, 10)}` };
  if (ingress?.spec.host !== domain || ingress.spec.tlsSecretName !== customDomain.secret)
    return { ok: false, detail: `${domain}: no ingress serves it with the certificate` };
  return {
    ok: true,
    detail: `${domain}: Ready, valid until ${cert.status.notAfter?.slice(0, 10) ?? "?"} (Let's Encrypt)`,
  };
}

function all(...checks: Check[]): Check {
  const failed = checks.filter((c) => !c.ok);
  const shown = (failed.length > 0 ? failed : checks).map((c) => c.detail).filter((d) => d !== "");
  return { ok: failed.length === 0, detail: shown.join("; ") };
}

/** Every planned node registered and Ready, schedulable, and on the cluster's Kubernetes version. */
function checkNodes(nodes: NodeObject[], controlPlanes: number, workers: number, version: string): Check {
  const expected = controlPlanes + workers;
  const ready = nodes.filter((n) => n.status.ready);
  const notReady = nodes.filter((n) => !n.status.ready).map((n) => n.name);
  const cordoned = nodes.filter((n) => n.spec.unschedulable).map((n) => n.name);
  const behind = nodes
    .filter((n) => n.spec.kubeletVersion !== version)
    .map((n) => `${n.name} (${n.spec.kubeletVersion})`);
  const ok = nodes.length === expected && ready.length === expected && cordoned.length === 0 && behind.length === 0;
  return {
    ok,
    detail:
      `${ready.length}/${expected} Ready: ${controlPlanes} control plane, ${workers} worker${workers === 1 ? "" : "s"}` +
      (notReady.length > 0 ? `; NotReady: ${notReady.join(", ")}` : "") +
      (nodes.length !== expected ? `; ${nodes.length} registered` : "") +
      (cordoned.length > 0 ? `; cordoned: ${cordoned.join(", ")}` : "") +
      (behind.length > 0 ? `; not on ${version}: ${behind.join(", ")}` : ""),
  };
}

function checkControlPlane(sim: Sim, nodes: NodeObject[], controlPlanes: string[]): Check {
  const members = sim.objects.list("EtcdMember").length;
  const missing: string[] = [];
  for (const node of controlPlanes) {
    for (const component of controlPlaneComponents) {
      const pod = sim.objects.get<unknown, { phase?: string }>({
        kind: "Pod",
        namespace: "kube-system",
        name: `${component}-${node}`,
      });
      if (pod?.status.phase !== "Running") missing.push(`${component}-${node}`);
    }
  }
  return all(
    { ok: members === controlPlanes.length, detail: `etcd ${members}/${controlPlanes.length} members` },
    {
      ok: missing.length === 0,
      detail: missing.length === 0 ? "static pods Running" : `not Running: ${missing.join(", ")}`,
    },
    replicas(sim, nodes, "Deployment", "kube-system", "coredns"),
    daemonSet(sim, nodes, "kube-system", "kube-proxy"),
  );
}

/** A pod counts when it is Running on a node that exists and is Ready (or up, for pods tolerating NotReady). */
function runningPods(
  sim: Sim,
  nodes: NodeObject[],
  namespace: string,
  owner: { kind: string; name: string },
  tolerate: boolean,
): number {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  return findPods(sim, { namespace, owner }).filter((p) => {
    const node = p.spec.nodeName === null ? undefined : byName.get(p.spec.nodeName);
    return p.status.phase === "Running" && node !== undefined && (tolerate || node.status.ready);
  }).length;
}

function replicas(
  sim: Sim,
  nodes: NodeObject[],
  kind: "Deployment" | "StatefulSet",
  namespace: string,
  name: string,
): Check {
  const w = sim.objects.get<WorkloadSpec>({ kind, namespace, name });
  if (!w) return { ok: false, detail: `${kind.toLowerCase()} ${namespace}/${name} not found` };
  const wanted = w.spec.replicas ?? 1;
  const running = runningPods(sim, nodes, namespace, { kind, name }, false);
  return { ok: wanted > 0 && running >= wanted, detail: `${name} ${running}/${wanted} pods Running` };
}

function daemonSet(sim: Sim, nodes: NodeObject[], namespace: string, name: string): Check {
  const w = sim.objects.get<WorkloadSpec>({ kind: "DaemonSet", namespace, name });
  if (!w) return { ok: false, detail: `daemonset ${namespace}/${name} not found` };
  const eligible = nodes.filter((n) => w.spec.placement === "nodes" || n.spec.role === "worker").length;
  const running = runningPods(sim, nodes, namespace, { kind: "DaemonSet", name }, w.spec.tolerateNotReady === true);
  return { ok: eligible > 0 && running === eligible, detail: `${name} ${running}/${eligible} pods Running` };
}

function claim(sim: Sim, namespace: string, name: string): Check {
  const pvc = sim.objects.get<unknown, PersistentVolumeClaimStatus>({ kind: "PersistentVolumeClaim", namespace, name });
  if (!pvc) return { ok: false, detail: `pvc ${namespace}/${name} not found` };
  return { ok: pvc.status.phase === "Bound", detail: `pvc ${name} ${pvc.status.phase}` };
}

/** GET <path> through the ingress: an Ingress serves it, its class exists, its Service selects Running pods. */
function route(sim: Sim, nodes: NodeObject[], path: string): Check {
  const ingress = sim.objects.list<IngressSpec>("Ingress").find((i) => i.spec.paths.some((p) => p.path === path));
  const backend = ingress?.spec.paths.find((p) => p.path === path);
  if (!ingress || !backend) return { ok: false, detail: `no ingress serves ${path}` };
  if (!sim.objects.get({ kind: "IngressClass", name: ingress.spec.ingressClassName })) {
    return { ok: false, detail: `ingress ${ingress.name}: IngressClass ${ingress.spec.ingressClassName} missing` };
  }
  const service = sim.objects.get<ServiceSpec>({
    kind: "Service",
    namespace: ingress.namespace,
    name: backend.service,
  });
  if (!service) return { ok: false, detail: `${path} → service ${backend.service} not found` };
  const ready = new Set(nodes.filter((n) => n.status.ready).map((n) => n.name));
  const running = findPods(sim, { namespace: ingress.namespace, selector: service.spec.selector }).filter(
    (p) => p.status.phase === "Running" && p.spec.nodeName !== null && ready.has(p.spec.nodeName),
  ).length;
  return {
    ok: running > 0,
    detail: `GET ${path} → ${backend.service}: ${running} pod${running === 1 ? "" : "s"} Running`,
  };
}

function checkStorage(sim: Sim, nodes: NodeObject[]): Check {
  const sc = findDefaultStorageClass(sim);
  const claims = sim.objects.list<unknown, PersistentVolumeClaimStatus>("PersistentVolumeClaim");
  const unbound = claims.filter((c) => c.status.phase !== "Bound").map((c) => `${c.namespace}/${c.name}`);
  return all(
    sc?.name === components.storageClassName
      ? { ok: true, detail: `StorageClass ${sc.name} (default)` }
      : { ok: false, detail: `default StorageClass ${components.storageClassName} missing` },
    replicas(sim, nodes, "Deployment", "default", components.nfsProvisioner.release),
    {
      ok: unbound.length === 0,
      detail: unbound.length === 0 ? `${claims.length} PVC(s) Bound` : `not Bound: ${unbound.join(", ")}`,
    },
  );
}

function checkRemoteApi(ctx: StepContext, sim: Sim, nodes: NodeObject[]): Check {
  const ingress = sim.objects.get<IngressSpec>({
    kind: "Ingress",
    namespace: remoteApiIngress.namespace,
    name: remoteApiIngress.name,
  });
  const routed =
    ingress?.spec.paths.some((p) => p.path === remoteApiIngress.path && p.service === "kubernetes") === true;
  const apiServers = nodes.filter(
    (n) =>
      n.spec.role === "control-plane" &&
      sim.objects.get<unknown, { phase?: string }>({
        kind: "Pod",
        namespace: "kube-system",
        name: `kube-apiserver-${n.name}`,
      })?.status.phase === "Running",
  ).length;
  return all(
    { ok: routed, detail: routed ? `GET /api/ → kubernetes:443` : "no ingress serves /api" },
    {
      ok:
        sim.objects.get({ kind: "Service", namespace: "default", name: "kubernetes" }) !== undefined && apiServers > 0,
      detail: `${apiServers} API server(s) Running`,
    },
    { ok: ctx.secrets.get(secretNames.adminToken) !== undefined, detail: "fulladmin token present" },
  );
}

function checkApplication(ctx: StepContext, sim: Sim, nodes: NodeObject[]): Check {
  const { settings } = ctx.environment;
  if (settings.deployment !== "custom") {
    return all(replicas(sim, nodes, "Deployment", "default", helloWorldName), route(sim, nodes, "/"));
  }
  if (settings.custom.kind === "helm") {
    const r = customHelmRelease(settings);
    const release = sim.objects.get<unknown, { status?: string; revision?: number }>({
      kind: "HelmRelease",
      namespace: r.namespace,
      name: r.name,
    });
    return all(
      release?.status.status === "deployed"
        ? { ok: true, detail: `release ${r.name} deployed (revision ${release.status.revision ?? 1})` }
        : { ok: false, detail: `release ${r.name} not deployed` },
      replicas(sim, nodes, "Deployment", r.namespace, r.name),
      ...(r.ingressPath !== undefined ? [route(sim, nodes, r.ingressPath)] : []),
    );
  }
  const objects = parseManifestObjects(settings.custom.manifests);
  const missing = objects.filter((o) => !sim.objects.get({ kind: o.kind, namespace: o.namespace, name: o.name }));
  const workloads = objects
    .filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet")
    .map((o) => replicas(sim, nodes, o.kind as "Deployment" | "StatefulSet", o.namespace, o.name));
  const daemons = objects.filter((o) => o.kind === "DaemonSet").map((o) => daemonSet(sim, nodes, o.namespace, o.name));
  return all(
    {
      ok: missing.length === 0,
      detail:
        missing.length === 0
          ? `${objects.length} object(s) applied`
          : `missing: ${missing.map((o) => `${o.kind} ${o.name}`).join(", ")}`,
    },
    ...workloads,
    ...daemons,
  );
}
