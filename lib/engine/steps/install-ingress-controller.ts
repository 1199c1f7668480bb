import { ingressControllers } from "@/lib/catalog";
import {
  applyDaemonSet,
  applyDeployment,
  applyService,
  ensureNamespace,
  reconcileCluster,
  type WorkloadStatus,
} from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { ingressControllerWorkload } from "./ingress-controller-workloads";
import { kubectlLine } from "./kubectl-name";
import { platformError } from "./platform-error";
import { requireCni } from "./require-initialised";
import { simOf } from "./sim-of";

/**
 * install-nginx | install-traefik | install-haproxy — the controller whose catalogue installStep is this
 * step's name, in its catalogue namespace and version: the controller DaemonSet (host ports 80/443, workers),
 * its Service, CRDs (Traefik), a default backend (HAProxy) and the IngressClass.
 */
export const installIngressController: StepHandler = (ctx) => {
  const controller = ingressControllers.find((c) => c.installStep === ctx.step.name);
  if (!controller)
    throw platformError("unknown-ingress-controller", `No ingress controller is installed by step ${ctx.step.name}.`);
  const w = ingressControllerWorkload(controller);
  const sim = simOf(ctx);
  requireCni(sim, `install the ${controller.name} ingress controller`);
  ctx.log(w.install);
  const ns = ensureNamespace(sim, controller.namespace);
  for (const crd of w.crds)
    sim.objects.apply({
      kind: "CustomResourceDefinition",
      name: crd,
      spec: { group: crd.split(".").slice(1).join(".") },
    });
  const ds = applyDaemonSet(sim, {
    namespace: controller.namespace,
    name: w.daemonSet,
    image: w.image,
    hostPorts: [80, 443],
    labels: { "app.kubernetes.io/name": w.daemonSet },
  });
  applyService(sim, {
    namespace: controller.namespace,
    name: w.service,
    type: "NodePort",
    selector: { "app.kubernetes.io/name": w.daemonSet },
    ports: [
      { name: "http", port: 80, targetPort: 80 },
      { name: "https", port: 443, targetPort: 443 },
    ],
  });
  if (w.defaultBackend) {
    applyDeployment(sim, {
      namespace: controller.namespace,
      name: w.defaultBackend.name,
      image: w.defaultBackend.image,
    });
    applyService(sim, { namespace: controller.namespace, name: w.defaultBackend.name, ports: [{ port: 8080 }] });
  }
  const ic = sim.objects.apply({
    kind: "IngressClass",
    name: w.ingressClass,
    spec: { controller: w.controller },
  }).result;
  reconcileCluster(sim);
  ctx.log(kubectlLine("Namespace", controller.namespace, ns));
  ctx.log(kubectlLine("DaemonSet", w.daemonSet, ds));
  ctx.log(kubectlLine("IngressClass", w.ingressClass, ic));
  const status = sim.objects.get<unknown, WorkloadStatus>({
    kind: "DaemonSet",
    namespace: controller.namespace,
    name: w.daemonSet,
  })!.status;
  if (status.desired > 0 && status.ready === status.desired) {
    ctx.log(`daemon set "${w.daemonSet}" successfully rolled out (${status.ready} of ${status.desired} pods ready)`);
  } else {
    ctx.log(`daemon set "${w.daemonSet}": ${status.ready} of ${status.desired} pods ready`, "warn");
  }
  return { controller: controller.id, ingressClass: w.ingressClass, podsReady: status.ready };
};
