import {
  applyDeployment,
  pullSecretName,
  pullSecretPatcher,
  pullSecretSource,
  reconcileCluster,
  type PullSecretSpec,
} from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { permanentError } from "@/lib/engine/step-error";
import { kubectlLine } from "./kubectl-name";
import { platformError } from "./platform-error";
import { requireCni } from "./require-initialised";
import { secretNames } from "./secret-names";
import { sha256Hex } from "./sha256-hex";
import { simOf } from "./sim-of";

export type RegistryCredentials = { registry: string; username: string; password: string; email: string };

/**
 * apply-registry-credentials — the credentials stored (encrypted) with the request become the dockerconfigjson
 * Secret kube-system/clusterport-registry, and imagepullsecret-patcher copies it into every namespace, present and
 * future, as the default ServiceAccount's image pull secret. New credentials overwrite the old. The Secret holds
 * a hash of the password, never the password.
 * Fault "registry-login-fails": the registry refuses the login (permanent, the user's to fix).
 */
export const applyRegistryCredentials: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  requireCni(sim, "apply registry credentials");
  const stored = ctx.secrets.get(secretNames.registryCredentials);
  if (stored === undefined)
    throw platformError("credentials-missing", "The registry credentials to apply were not stored with the request.");
  const credentials = JSON.parse(stored) as RegistryCredentials;
  if (ctx.faults.has("registry-login-fails")) {
    throw permanentError(
      "registry-login-failed",
      `${credentials.registry} refused the login for ${credentials.username}: 401 Unauthorized.`,
      "user",
      "Check the registry, username and password (a token needs read access to packages), then set them again.",
    );
  }
  const spec: PullSecretSpec = {
    type: "kubernetes.io/dockerconfigjson",
    registry: credentials.registry,
    username: credentials.username,
    email: credentials.email,
    passwordSha256: sha256Hex(credentials.password),
  };
  ctx.log(
    `kubectl create secret docker-registry ${pullSecretSource.name} -n ${pullSecretSource.namespace} --docker-server=${credentials.registry} ` +
      `--docker-username=${credentials.username} --docker-password=<REDACTED>${credentials.email ? ` --docker-email=${credentials.email}` : ""} --dry-run=client -o yaml | kubectl apply -f -`,
  );
  const result = sim.objects.apply({ ...pullSecretSource, spec }).result;
  ctx.log(kubectlLine("Secret", pullSecretSource.name, result));
  const patcher = applyDeployment(sim, {
    namespace: "kube-system",
    name: pullSecretPatcher,
    image: "quay.io/titansoft/imagepullsecret-patcher:v0.14",
    placement: "nodes",
  });
  if (patcher === "created")
    ctx.log(
      `${kubectlLine("Deployment", pullSecretPatcher, patcher)} (copies the secret into every namespace, now and later)`,
    );
  reconcileCluster(sim);
  const namespaces = sim.objects.list("Secret").filter((s) => s.name === pullSecretName).length;
  ctx.log(
    `${pullSecretName} is in ${namespaces} namespaces, each default ServiceAccount pulling from ${credentials.registry} with it`,
  );
  return { registry: credentials.registry, namespaces };
};
