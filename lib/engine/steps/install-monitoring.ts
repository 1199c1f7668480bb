import {
  applyDaemonSet,
  applyDeployment,
  applyHelmRelease,
  applyIngress,
  applyPersistentVolumeClaim,
  applyService,
  applyWorkload,
  ensureNamespace,
  reconcileCluster,
} from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { addonWorkloadRequests } from "./addon-workload-requests";
import { components } from "./component-versions";
import { helmInstallLine, helmResultLine } from "./helm-install-line";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { ingressControllerOf } from "./plan-facts";
import { platformError } from "./platform-error";
import { requireDefaultStorageClass } from "./require-default-storage-class";
import { requireCni } from "./require-initialised";
import { secretNames } from "./secret-names";
import { simOf } from "./sim-of";

export const monitoringNamespace = "kubernetes-monitoring";

/**
 * install-monitoring — in kubernetes-monitoring: Helm releases prometheus (server 8Gi PVC, alertmanager,
 * node-exporter, kube-state-metrics) and grafana (5Gi PVC on the default StorageClass, admin password in secret
 * "grafana-password"); ingresses /prometheus, /prometheus-alert and /grafana. Refuses without a default
 * StorageClass (permanent, platform).
 */
export const installMonitoring: StepHandler = (ctx) => {
  const { plan, settings } = ctx.environment;
  const sim = simOf(ctx);
  requireCni(sim, "install monitoring");
  const sc = requireDefaultStorageClass(sim, "Monitoring (Prometheus & Grafana)");
  const ingressClass = ingressControllerWorkload(ingressControllerOf(plan, settings)).ingressClass;
  if (!sim.objects.get({ kind: "IngressClass", name: ingressClass })) {
    throw platformError("ingress-missing", `Cannot install monitoring: IngressClass ${ingressClass} is not installed.`);
  }
  const ns = monitoringNamespace;
  ensureNamespace(sim, ns);
  const p = components.prometheus;
  const g = components.grafana;
  ctx.log(
    helmInstallLine("prometheus", p.chart, ns, p.version, {
      "server.prefixURL": "/prometheus",
      "server.baseURL": `${plan.endpoints.cluster}prometheus`,
    }),
  );
  const prom = applyHelmRelease(sim, {
    namespace: ns,
    name: "prometheus",
    chart: p.chart,
    repo: p.repo,
    version: p.version,
    values: {
      server: {
        prefixURL: "/prometheus",
        baseURL: `${plan.endpoints.cluster}prometheus`,
        persistentVolume: { size: "8Gi" },
      },
    },
  });
  applyDeployment(sim, {
    namespace: ns,
    name: "prometheus-server",
    image: p.image,
    requests: addonWorkloadRequests("monitoring", "prometheus-server"),
  });
  applyWorkload(sim, "StatefulSet", {
    namespace: ns,
    name: "prometheus-alertmanager",
    image: "quay.io/prometheus/alertmanager:v0.28.1",
    requests: addonWorkloadRequests("monitoring", "prometheus-alertmanager"),
  });
  applyDeployment(sim, {
    namespace: ns,
    name: "prometheus-kube-state-metrics",
    image: "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.17.0",
    requests: addonWorkloadRequests("monitoring", "prometheus-kube-state-metrics"),
  });
  applyDaemonSet(sim, {
    namespace: ns,
    name: "prometheus-prometheus-node-exporter",
    image: "quay.io/prometheus/node-exporter:v1.9.1",
    placement: "nodes",
  });
  applyPersistentVolumeClaim(sim, { namespace: ns, name: "prometheus-server", size: "8Gi" });
  applyService(sim, { namespace: ns, name: "prometheus-server", ports: [{ port: 80, targetPort: 9090 }] });
  applyService(sim, { namespace: ns, name: "prometheus-alertmanager", ports: [{ port: 9093 }] });
  ctx.log(helmResultLine("prometheus", prom));

  if (ctx.secrets.get(secretNames.grafanaPassword) === undefined)
    ctx.secrets.put(secretNames.grafanaPassword, ctx.random.token(24));
  ctx.log(
    helmInstallLine("grafana", g.chart, ns, g.version, {
      "persistence.enabled": "true",
      "persistence.size": "5Gi",
      "grafana\\.ini.server.root_url": `${plan.endpoints.cluster}grafana`,
    }) + " -f addons/monitoring/clusterport-values.yaml",
  );
  const graf = applyHelmRelease(sim, {
    namespace: ns,
    name: "grafana",
    chart: g.chart,
    repo: g.repo,
    version: g.version,
    values: {
      persistence: { enabled: true, size: "5Gi", storageClassName: sc.name },
      adminUser: "admin",
      "grafana.ini": { server: { root_url: `${plan.endpoints.cluster}grafana`, serve_from_sub_path: true } },
    },
  });
  applyDeployment(sim, {
    namespace: ns,
    name: "grafana",
    image: g.image,
    requests: addonWorkloadRequests("monitoring", "grafana"),
  });
  applyPersistentVolumeClaim(sim, { namespace: ns, name: "grafana", size: "5Gi", storageClassName: sc.name });
  applyService(sim, { namespace: ns, name: "grafana", ports: [{ port: 80, targetPort: 3000 }] });
  sim.objects.apply({
    kind: "Secret",
    namespace: ns,
    name: "grafana",
    spec: { type: "Opaque", keys: ["admin-user", "admin-password"] },
  });
  ctx.log(helmResultLine("grafana", graf));

  const routes = [
    { name: "prometheus", path: "/prometheus", service: "prometheus-server", port: 80 },
    { name: "prometheus-alert", path: "/prometheus-alert", service: "prometheus-alertmanager", port: 9093 },
    { name: "grafana", path: "/grafana", service: "grafana", port: 80 },
  ];
  for (const r of routes) {
    applyIngress(sim, {
      namespace: ns,
      name: r.name,
      ingressClassName: ingressClass,
      paths: [{ path: r.path, service: r.service, port: r.port }],
      ...(r.name === "grafana"
        ? {}
        : { annotations: { "auth-type": "basic", "auth-secret": "prometheus-basic-auth" } }),
    });
  }
  reconcileCluster(sim);
  ctx.log(
    `persistentvolumeclaim/grafana bound (5Gi, storageclass ${sc.name}); Grafana at ${plan.endpoints.cluster}grafana/ (login admin)`,
  );
  return { grafana: `${plan.endpoints.cluster}grafana/`, prometheus: `${plan.endpoints.cluster}prometheus/` };
};
