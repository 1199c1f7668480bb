import type { StepHandler } from "@/lib/engine/step-context";
import { remoteApiIngress } from "./setup-remote-api";
import { simOf } from "./sim-of";

/** remove-remote-api — deletes the Ingress that exposes the API at /api/; kubectl from outside stops working. */
export const removeRemoteApi: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  const removed = sim.objects.delete({
    kind: "Ingress",
    namespace: remoteApiIngress.namespace,
    name: remoteApiIngress.name,
  });
  if (removed) {
    ctx.log(`kubectl delete ingress ${remoteApiIngress.name} -n ${remoteApiIngress.namespace}`);
    ctx.log(`ingress.networking.k8s.io "${remoteApiIngress.name}" deleted`);
  } else {
    ctx.log(`ingress ${remoteApiIngress.name} not found; already removed.`);
  }
  ctx.log(
    "Remote API closed: the kubeconfig's server now refuses kubectl (403) until Remote API access is turned on again",
  );
  return { removed };
};
