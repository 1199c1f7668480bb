import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { buildKubeconfig, readSim } from "@/lib/engine";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { kubernetesApiOrigin, kubernetesApiUrl } from "@/lib/kube-api/kubernetes-api-url";
import { ensureCertificateAuthority } from "./ensure-certificate-authority";
import { getEnvironment } from "./get-environment";

/** The admin kubeconfig of one of the user's running clusters; generated on demand, never stored in clear. */
export async function getKubeconfig(userId: string, name: string, audit: AuditContext): Promise<{ fileName: string; yaml: string }> {
  const environment = await getEnvironment(userId, name);
  // A change in progress (updating) leaves the cluster serving, so its kubeconfig stays available.
  if (environment.status !== "running" && environment.status !== "updating") {
    throw new ConflictError(`The kubeconfig is available once the cluster is running; it is ${environment.status}.`);
  }
  const { secrets } = await readSim(database(), environment.id, env().encryptionKey);
  const token = secrets.get("admin-token");
  if (token === undefined) throw new ConflictError("The cluster has no admin credentials yet. Try again in a moment.");
  // The authority only when this installation serves the TLS itself (an http APP_URL): see kubernetesApiOrigin.
  const certificateAuthority = kubernetesApiOrigin(env().appUrl).ownAuthority ? (await ensureCertificateAuthority(database(), env().encryptionKey)).certificate : undefined;
  const yaml = buildKubeconfig({ clusterName: environment.name, server: kubernetesApiUrl(environment.id), token, certificateAuthority });
  await recordAudit(audit, { action: "kubeconfig.download", target: environment.name });
  return { fileName: `${environment.name}-kubeconfig.yaml`, yaml };
}
