import { decryptSecret } from "@/lib/crypto/secret-box";
import { buildKubeconfig } from "@/lib/engine/build-kubeconfig";
import { createSim, readClusterInfo } from "@/lib/engine/sim";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { sqlite } from "@/lib/sqlite";
import { getEnvironment } from "./get-environment";

/** The admin kubeconfig of one of the user's running clusters; generated on demand, never stored in clear. */
export async function getKubeconfig(userId: string, name: string): Promise<{ fileName: string; yaml: string }> {
  const environment = await getEnvironment(userId, name);
  if (environment.status !== "running") {
    throw new ConflictError(`The kubeconfig is available once the cluster is running; it is ${environment.status}.`);
  }
  const conn = sqlite();
  const info = readClusterInfo(createSim(conn, environment.id, new Date()));
  const secret = conn
    .prepare("SELECT ciphertext FROM environment_secret WHERE environmentId = ? AND name = 'admin-token'")
    .get(environment.id) as { ciphertext: string } | undefined;
  if (!info || !secret) throw new ConflictError("The cluster has no admin credentials yet. Try again in a moment.");
  const yaml = buildKubeconfig({
    clusterName: environment.name,
    server: environment.plan.endpoints.apiServer,
    caCertificatePem: simulatedCaPem(info.caCertHash),
    token: decryptSecret(secret.ciphertext, env().encryptionKey),
  });
  return { fileName: `${environment.name}-kubeconfig.yaml`, yaml };
}

/** The simulated cluster has no real CA key pair; the bundle carries the CA's hash so clients can pin it. */
function simulatedCaPem(caCertHash: string): string {
  const body = Buffer.from(`Clusterport simulated cluster CA ${caCertHash}`).toString("base64");
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
}
