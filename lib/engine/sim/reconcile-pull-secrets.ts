import type { Sim } from "./create-sim";
import type { SimObject } from "./types";

/** The registry credentials' source Secret, written by apply-registry-credentials. */
export const pullSecretSource = { kind: "Secret", namespace: "kube-system", name: "clusterport-registry" } as const;
/** The copy in every namespace, which each namespace's default ServiceAccount pulls images with. */
export const pullSecretName = "image-pull-secret";
export const pullSecretPatcher = "imagepullsecret-patcher";

export type PullSecretSpec = {
  type: "kubernetes.io/dockerconfigjson";
  registry: string;
  username: string;
  email: string;
  passwordSha256: string;
};

/**
 * The imagepullsecret-patcher controller: while the source Secret and the controller exist, every namespace —
 * those there now and any created later — has a copy of it, and its default ServiceAccount lists that copy in
 * imagePullSecrets; without them, the copies and the ServiceAccounts it made go.
 */
export function reconcilePullSecrets(sim: Sim): void {
  const source = sim.objects.get<PullSecretSpec>(pullSecretSource);
  const active =
    source !== undefined &&
    sim.objects.get({ kind: "Deployment", namespace: "kube-system", name: pullSecretPatcher }) !== undefined;
  const namespaces = new Set(sim.objects.list("Namespace").map((n) => n.name));
  const managed = (o: SimObject) => (o.spec as { managedBy?: string }).managedBy === pullSecretPatcher;
  for (const copy of sim.objects.list("Secret").filter((s) => s.name === pullSecretName && managed(s))) {
    if (!active || !namespaces.has(copy.namespace))
      sim.objects.delete({ kind: "Secret", namespace: copy.namespace, name: pullSecretName });
  }
  for (const account of sim.objects.list("ServiceAccount").filter((a) => a.name === "default" && managed(a))) {
    if (!active || !namespaces.has(account.namespace))
      sim.objects.delete({ kind: "ServiceAccount", namespace: account.namespace, name: "default" });
  }
  if (!active) return;
  for (const namespace of namespaces) {
    sim.objects.apply({
      kind: "Secret",
      namespace,
      name: pullSecretName,
      spec: { ...source.spec, managedBy: pullSecretPatcher },
    });
    sim.objects.apply({
      kind: "ServiceAccount",
      namespace,
      name: "default",
      spec: { imagePullSecrets: [pullSecretName], managedBy: pullSecretPatcher },
    });
  }
}
