import {
  applyDeployment,
  applyHelmRelease,
  applyIngress,
  applyService,
  ensureNamespace,
  reconcileCluster,
} from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { transientError } from "@/lib/engine/step-error";
import { adminTokenFor } from "./admin-token-for";
import { components } from "./component-versions";
import { dashboardIngressName, dashboardPath, dashboardWorkload } from "./dashboard-workloads";
import { helmInstallLine } from "./helm-install-line";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { installNodeProblemDetector } from "./install-node-problem-detector";
import { kubectlLine } from "./kubectl-name";
import { dashboardOf, ingressControllerOf, planHasStorage } from "./plan-facts";
import { requireCni } from "./require-initialised";
import { secretNames } from "./secret-names";
import { simOf } from "./sim-of";

/**
 * install-components — the admin ServiceAccount kube-system/fulladmin bound to cluster-admin (token in secret
 * "admin-token"), metrics-server, the chosen dashboard (catalogue namespace and version) with an ingress at
 * /kubernetes-dashboard/, and node-problem-detector when there is no storage (helm-components does it otherwise).
 * Fault "registry-pull-error": the dashboard image pull fails with a 503 on every attempt (transient).
 */
export const installComponents: StepHandler = (ctx) => {
  const { plan, settings } = ctx.environment;
  const dashboard = dashboardOf(settings);
  const dw = dashboardWorkload(dashboard);
  if (ctx.faults.has("registry-pull-error")) {
    const image = dw.deployments[0]?.image ?? dashboard.id;
    throw transientError(
      "image-pull-failed",
      `ErrImagePull: failed to pull image "${image}": unexpected status from registry: 503 Service Unavailable`,
    );
  }
  const sim = simOf(ctx);
  requireCni(sim, "install the cluster components");
  const ingressClass = ingressControllerWorkload(ingressControllerOf(plan, settings)).ingressClass;

  ctx.log("kubectl apply -f fulladmin.yaml");
  const sa = sim.objects.apply({ kind: "ServiceAccount", namespace: "kube-system", name: "fulladmin" }).result;
  const crb = sim.objects.apply({
    kind: "ClusterRoleBinding",
    name: "fulladmin",
    spec: {
      roleRef: "cluster-admin",
      subjects: [{ kind: "ServiceAccount", namespace: "kube-system", name: "fulladmin" }],
    },
  }).result;
  sim.objects.apply({
    kind: "Secret",
    namespace: "kube-system",
    name: "fulladmin-token",
    spec: {
      type: "kubernetes.io/service-account-token",
      annotations: { "kubernetes.io/service-account.name": "fulladmin" },
    },
  });
  if (ctx.secrets.get(secretNames.adminToken) === undefined)
    ctx.secrets.put(secretNames.adminToken, adminTokenFor(ctx.random));
  ctx.log(
    `${kubectlLine("ServiceAccount", "fulladmin", sa)}; ${kubectlLine("ClusterRoleBinding", "fulladmin", crb)} (cluster-admin)`,
  );

  ctx.log(`kubectl apply -f ${components.metricsServer.manifest}`);
  const ms = applyDeployment(sim, {
    namespace: "kube-system",
    name: "metrics-server",
    image: components.metricsServer.image,
    labels: { "k8s-app": "metrics-server" },
  });
  applyService(sim, {
    namespace: "kube-system",
    name: "metrics-server",
    ports: [{ name: "https", port: 443, targetPort: 10250 }],
    selector: { "k8s-app": "metrics-server" },
  });
  sim.objects.apply({
    kind: "APIService",
    name: "v1beta1.metrics.k8s.io",
    spec: { service: "kube-system/metrics-server" },
  });
  ctx.log(kubectlLine("Deployment", "metrics-server", ms));

  ensureNamespace(sim, dashboard.namespace);
  if (dw.install.kind === "helm") {
    ctx.log(helmInstallLine(dw.install.release, dw.install.chart, dashboard.namespace, dashboard.version));
    applyHelmRelease(sim, {
      namespace: dashboard.namespace,
      name: dw.install.release,
      chart: dw.install.chart,
      repo: dw.install.repo,
      version: dashboard.version,
    });
  } else {
    ctx.log(`kubectl apply -n ${dashboard.namespace} -f ${dw.install.url}`);
  }
  for (const d of dw.deployments)
    applyDeployment(sim, { namespace: dashboard.namespace, name: d.name, image: d.image });
  applyService(sim, {
    namespace: dashboard.namespace,
    name: dw.service.name,
    ports: [{ port: dw.service.port, nodePort: 30777 }],
    type: "NodePort",
    selector: { app: dw.service.selects },
  });
  const ing = applyIngress(sim, {
    namespace: dashboard.namespace,
    name: dashboardIngressName,
    ingressClassName: ingressClass,
    paths: [{ path: dashboardPath, service: dw.service.name, port: dw.service.port }],
  });
  ctx.log(`${kubectlLine("Ingress", dashboardIngressName, ing)} (${dashboard.name} at ${dashboardPath})`);

  if (!planHasStorage(plan)) {
    const npd = installNodeProblemDetector(sim);
    ctx.log(kubectlLine("DaemonSet", "node-problem-detector", npd));
  }
  reconcileCluster(sim);
  return { dashboard: dashboard.id, dashboardUrl: plan.endpoints.dashboard };
};
