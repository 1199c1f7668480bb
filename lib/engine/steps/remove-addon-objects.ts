import { reconcileCluster, type Sim } from "@/lib/engine/sim";
import type { StepContext } from "@/lib/engine/step-context";
import { transientError } from "@/lib/engine/step-error";

/**
 * `helm uninstall` of an add-on's releases and `kubectl delete namespace`: every object in the namespace goes,
 * its volume claims (and so their data) with it. Returns how many objects were deleted; 0 when already gone.
 * Fault "helm-uninstall-fails": the uninstall times out waiting for the pods to go (transient).
 */
export function removeNamespace(ctx: StepContext, sim: Sim, namespace: string, releases: readonly string[]): number {
  const objects = sim.objects.listAll().filter((o) => o.namespace === namespace);
  const namespaceObject = sim.objects.get({ kind: "Namespace", name: namespace });
  if (objects.length === 0 && !namespaceObject) {
    ctx.log(`namespace/${namespace} not found; already removed.`);
    return 0;
  }
  if (ctx.faults.has("helm-uninstall-fails")) {
    throw transientError(
      "helm-uninstall-timeout",
      `helm uninstall ${releases[0] ?? namespace} -n ${namespace}: uninstallation completed with 1 error(s): timed out waiting for the condition`,
    );
  }
  for (const release of releases) {
    if (objects.some((o) => o.kind === "HelmRelease" && o.name === release)) {
      ctx.log(`helm uninstall ${release} -n ${namespace}`);
      ctx.log(`release "${release}" uninstalled`);
    }
  }
  const claims = objects.filter((o) => o.kind === "PersistentVolumeClaim").map((o) => o.name);
  for (const o of objects) sim.objects.delete({ kind: o.kind, namespace, name: o.name });
  sim.objects.delete({ kind: "Namespace", name: namespace });
  ctx.log(`kubectl delete namespace ${namespace}`);
  ctx.log(
    `namespace "${namespace}" deleted${claims.length ? ` (volume claims ${claims.join(", ")} and their data with it)` : ""}`,
  );
  reconcileCluster(sim);
  return objects.length + (namespaceObject ? 1 : 0);
}
