import { pullSecretPatcher, pullSecretSource, reconcileCluster } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { secretNames } from "./secret-names";
import { simOf } from "./sim-of";

/** remove-registry-credentials — the source Secret and the patcher go, and with them every copy; the stored credentials are deleted. */
export const removeRegistryCredentials: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  const removed = sim.objects.delete(pullSecretSource);
  sim.objects.delete({ kind: "Deployment", namespace: "kube-system", name: pullSecretPatcher });
  reconcileCluster(sim);
  ctx.secrets.delete(secretNames.registryCredentials);
  ctx.log(
    removed
      ? `Deleted secret ${pullSecretSource.name}, ${pullSecretPatcher} and the image pull secret in every namespace`
      : "No registry credentials to remove; nothing to do.",
  );
  return { removed };
};
