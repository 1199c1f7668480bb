import {
  applyDeployment,
  applyHelmRelease,
  applyIngress,
  applyService,
  reconcileCluster,
  type Sim,
} from "@/lib/engine/sim";
import type { StepContext, StepHandler, StepOutput } from "@/lib/engine/step-context";
import { permanentError } from "@/lib/engine/step-error";
import { applyManifestObject } from "./apply-manifest-object";
import { components } from "./component-versions";
import { customHelmRelease } from "./custom-helm-release";
import { helmInstallLine, helmResultLine } from "./helm-install-line";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { kubectlLine, kubectlName } from "./kubectl-name";
import { parseManifestObjects } from "./parse-manifest-objects";
import { ingressControllerOf } from "./plan-facts";
import { platformError } from "./platform-error";
import { requireCni } from "./require-initialised";
import { simOf } from "./sim-of";

export const helloWorldName = "hello-kubernetes";

/**
 * deploy — the workload of the install settings:
 *   clean     → hello-kubernetes Deployment (2 replicas) + Service :80 + Ingress on "/" (default namespace);
 *   helm      → a HelmRelease record (chart, repo, version, values) and the Deployment + Service it runs
 *               (+ an Ingress when values.ingress.enabled); a chart that cannot be found is a USER error;
 *   manifests → every YAML document applied as an object (namespaces must exist or be in the manifests).
 * User errors are thrown before anything is applied.
 */
export const deploy: StepHandler = (ctx) => {
  const { settings, plan } = ctx.environment;
  const sim = simOf(ctx);
  const ingressClass = ingressControllerWorkload(ingressControllerOf(plan, settings)).ingressClass;
  if (settings.deployment === "custom" && settings.custom.kind === "helm") return deployHelm(ctx, sim, ingressClass);
  if (settings.deployment === "custom") return deployManifests(ctx, sim, ingressClass);
  requireServing(sim, ingressClass, "deploy the hello-world app");
  ctx.log("kubectl apply -f addons/helloworld.yaml");
  const d = applyDeployment(sim, {
    namespace: "default",
    name: helloWorldName,
    image: components.helloWorld.image,
    replicas: components.helloWorld.replicas,
  });
  const s = applyService(sim, { namespace: "default", name: helloWorldName, ports: [{ port: 80, targetPort: 8080 }] });
  const i = applyIngress(sim, {
    namespace: "default",
    name: helloWorldName,
    ingressClassName: ingressClass,
    paths: [{ path: "/", service: helloWorldName, port: 80 }],
  });
  reconcileCluster(sim);
  ctx.log(kubectlLine("Deployment", helloWorldName, d));
  ctx.log(kubectlLine("Service", helloWorldName, s));
  ctx.log(kubectlLine("Ingress", helloWorldName, i));
  ctx.log(`Application answers at ${plan.endpoints.cluster}`);
  return { deployment: "clean", url: plan.endpoints.cluster };
};

function deployHelm(ctx: StepContext, sim: Sim, ingressClass: string): StepOutput {
  const r = customHelmRelease(ctx.environment.settings);
  requireServing(sim, ingressClass, `install chart ${r.chart}`);
  ctx.log(`helm repo add ${r.name}-repo ${r.repo}`);
  ctx.log(
    helmInstallLine(r.name, r.chart, r.namespace, r.version) +
      (Object.keys(r.values).length > 0 ? " -f values.yaml" : ""),
  );
  const result = applyHelmRelease(sim, {
    namespace: r.namespace,
    name: r.name,
    chart: r.chart,
    repo: r.repo,
    version: r.version,
    values: r.values,
  });
  applyDeployment(sim, {
    namespace: r.namespace,
    name: r.name,
    image: r.image,
    replicas: r.replicas,
    labels: { "app.kubernetes.io/instance": r.name },
  });
  applyService(sim, {
    namespace: r.namespace,
    name: r.name,
    ports: [{ port: r.servicePort }],
    selector: { "app.kubernetes.io/instance": r.name },
  });
  if (r.ingressPath !== undefined) {
    applyIngress(sim, {
      namespace: r.namespace,
      name: r.name,
      ingressClassName: ingressClass,
      paths: [{ path: r.ingressPath, service: r.name, port: r.servicePort }],
    });
  }
  reconcileCluster(sim);
  ctx.log(helmResultLine(r.name, result));
  ctx.log(`${kubectlName("Deployment", r.name)}: ${r.replicas} replica(s) of ${r.image}`);
  return { deployment: "helm", release: r.name, chart: r.chart, version: r.version };
}

function deployManifests(ctx: StepContext, sim: Sim, ingressClass: string): StepOutput {
  const objects = parseManifestObjects(ctx.environment.settings.custom.manifests);
  requireServing(sim, ingressClass, "apply your manifests");
  const declared = new Set(objects.filter((o) => o.kind === "Namespace").map((o) => o.name));
  for (const o of objects) {
    if (
      o.namespace !== "" &&
      !declared.has(o.namespace) &&
      !sim.objects.get({ kind: "Namespace", name: o.namespace })
    ) {
      throw permanentError(
        "namespace-not-found",
        `Error from server (NotFound): namespaces "${o.namespace}" not found (applying ${o.kind} ${o.name}).`,
        "user",
        `Add a Namespace manifest for "${o.namespace}" before the objects that use it, or use an existing namespace, and install again.`,
      );
    }
  }
  ctx.log(`kubectl apply -f manifests.yaml (${objects.length} objects)`);
  // Namespaces first, as kubectl does when they are in the same file.
  const ordered = [...objects.filter((o) => o.kind === "Namespace"), ...objects.filter((o) => o.kind !== "Namespace")];
  const results = ordered.map((o) => ({ o, result: applyManifestObject(sim, o, ingressClass) }));
  reconcileCluster(sim);
  for (const { o, result } of results.slice(0, 6)) ctx.log(kubectlLine(o.kind, o.name, result));
  if (results.length > 6) ctx.log(`… and ${results.length - 6} more`);
  return { deployment: "manifests", objects: objects.length };
}

/** The cluster must be able to run and route the workload: pod network and the ingress class. */
function requireServing(sim: Sim, ingressClass: string, purpose: string): void {
  requireCni(sim, purpose);
  if (!sim.objects.get({ kind: "IngressClass", name: ingressClass })) {
    throw platformError(
      "ingress-missing",
      `Cannot ${purpose}: the ingress controller (IngressClass ${ingressClass}) is not installed.`,
    );
  }
}
