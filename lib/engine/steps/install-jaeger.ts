import {
  applyDeployment,
  applyHelmRelease,
  applyIngress,
  applyPersistentVolumeClaim,
  applyService,
  ensureNamespace,
  reconcileCluster,
} from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { addonWorkloadRequests } from "./addon-workload-requests";
import { components } from "./component-versions";
import { ensureCertManager } from "./ensure-cert-manager";
import { helmInstallLine, helmResultLine } from "./helm-install-line";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { kubectlLine } from "./kubectl-name";
import { ingressControllerOf } from "./plan-facts";
import { platformError } from "./platform-error";
import { requireDefaultStorageClass } from "./require-default-storage-class";
import { requireCni } from "./require-initialised";
import { secretNames } from "./secret-names";
import { simOf } from "./sim-of";

export const jaegerNamespace = "observability";

/**
 * install-jaeger — cert-manager first when missing (Helm, with CRDs and the Let's Encrypt ClusterIssuers),
 * then the Jaeger operator in observability and a Jaeger CR "jaeger" (allInOne, badger storage on a 5Gi PVC),
 * its query Service and the /jaeger ingress behind basic auth (password in secret "jaeger-password").
 * Refuses without a default StorageClass (permanent, platform).
 */
export const installJaeger: StepHandler = (ctx) => {
  const { plan, settings } = ctx.environment;
  const sim = simOf(ctx);
  requireCni(sim, "install Jaeger");
  const sc = requireDefaultStorageClass(sim, "Jaeger tracing");
  const ingressClass = ingressControllerWorkload(ingressControllerOf(plan, settings)).ingressClass;
  if (!sim.objects.get({ kind: "IngressClass", name: ingressClass })) {
    throw platformError("ingress-missing", `Cannot install Jaeger: IngressClass ${ingressClass} is not installed.`);
  }

  ensureCertManager(ctx, sim);

  const j = components.jaeger;
  const ns = jaegerNamespace;
  ensureNamespace(sim, ns);
  ctx.log(helmInstallLine("jaeger-operator", j.chart, ns, j.version, { "rbac.clusterRole": "true" }));
  const op = applyHelmRelease(sim, {
    namespace: ns,
    name: "jaeger-operator",
    chart: j.chart,
    repo: j.repo,
    version: j.version,
    values: { rbac: { clusterRole: true } },
  });
  applyDeployment(sim, {
    namespace: ns,
    name: "jaeger-operator",
    image: j.operatorImage,
    requests: addonWorkloadRequests("tracing", "jaeger-operator"),
  });
  ctx.log(helmResultLine("jaeger-operator", op));
  const cr = sim.objects.apply({
    kind: "Jaeger",
    namespace: ns,
    name: "jaeger",
    spec: {
      strategy: "allInOne",
      allInOne: { image: j.allInOneImage },
      storage: { type: "badger", pvc: "jaeger-data" },
    },
  }).result;
  applyPersistentVolumeClaim(sim, { namespace: ns, name: "jaeger-data", size: "5Gi", storageClassName: sc.name });
  applyDeployment(sim, {
    namespace: ns,
    name: "jaeger",
    image: j.allInOneImage,
    requests: addonWorkloadRequests("tracing", "jaeger"),
  });
  applyService(sim, { namespace: ns, name: "jaeger-query", ports: [{ port: 16686 }], selector: { app: "jaeger" } });
  if (ctx.secrets.get(secretNames.jaegerPassword) === undefined)
    ctx.secrets.put(secretNames.jaegerPassword, ctx.random.token(32));
  const ing = applyIngress(sim, {
    namespace: ns,
    name: "jaeger",
    ingressClassName: ingressClass,
    paths: [{ path: "/jaeger", service: "jaeger-query", port: 16686 }],
    annotations: { "auth-type": "basic", "auth-secret": "observability-jaeger-basic-auth" },
  });
  reconcileCluster(sim);
  ctx.log(kubectlLine("Jaeger", "jaeger", cr) + " (allInOne)");
  ctx.log(`${kubectlLine("Ingress", "jaeger", ing)}; Jaeger at ${plan.endpoints.cluster}jaeger/ (login admin)`);
  return { jaeger: `${plan.endpoints.cluster}jaeger/` };
};
