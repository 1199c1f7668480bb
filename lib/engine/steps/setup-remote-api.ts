import { applyIngress } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { kubectlLine } from "./kubectl-name";
import { ingressControllerOf } from "./plan-facts";
import { platformError } from "./platform-error";
import { requireInitialised } from "./require-initialised";
import { simOf } from "./sim-of";

export const remoteApiIngress = { namespace: "default", name: "kubernetes-api", path: "/api" } as const;

/**
 * setup-remote-api — Ingress default/kubernetes-api routing /api (prefix stripped, HTTPS to the backend) to
 * Service default/kubernetes :443, i.e. the API servers. Clients authenticate with the fulladmin token.
 */
export const setupRemoteApi: StepHandler = (ctx) => {
  const { plan, settings } = ctx.environment;
  const w = ingressControllerWorkload(ingressControllerOf(plan, settings));
  const sim = simOf(ctx);
  requireInitialised(sim, "expose the Kubernetes API");
  if (!sim.objects.get({ kind: "IngressClass", name: w.ingressClass })) {
    throw platformError(
      "ingress-missing",
      `Cannot expose the Kubernetes API: IngressClass ${w.ingressClass} is not installed.`,
    );
  }
  ctx.log(`kubectl apply -f addons/ingress/${w.ingressClass}/api-ingress.yaml`);
  const result = applyIngress(sim, {
    namespace: remoteApiIngress.namespace,
    name: remoteApiIngress.name,
    ingressClassName: w.ingressClass,
    paths: [{ path: remoteApiIngress.path, service: "kubernetes", port: 443 }],
    annotations: w.apiAnnotations,
  });
  ctx.log(kubectlLine("Ingress", remoteApiIngress.name, result));
  // The address kubectl uses is Clusterport's (the kubeconfig's server, lib/kube-api/kubernetes-api-url.ts), not this ingress's.
  ctx.log(
    "Remote API open: kubectl reaches it at the server its kubeconfig names (bearer token of kube-system/fulladmin)",
  );
  return { remoteApi: `${plan.endpoints.cluster}api/` };
};
