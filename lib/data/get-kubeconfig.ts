import { database } from "@/lib/db/database";
import { buildKubeconfig, readClusterInfo, readSim } from "@/lib/engine";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { getEnvironment } from "./get-environment";

/** The admin kubeconfig of one of the user's running clusters; generated on demand, never stored in clear. */
export async function getKubeconfig(userId: string, name: string): Promise<{ fileName: string; yaml: string }> {
  const environment = await getEnvironment(userId, name);
  // A change in progress (updating) leaves the cluster serving, so its kubeconfig stays available.
  if (environment.status !== "running" && environment.status !== "updating") {
    throw new ConflictError(`The kubeconfig is available once the cluster is running; it is ${environment.status}.`);
  }
  const { sim, secrets } = await readSim(database(), environment.id, env().encryptionKey);
  const info = readClusterInfo(sim);
  const token = secrets.get("admin-token");
  if (!info || token === undefined) throw new ConflictError("The cluster has no admin credentials yet. Try again in a moment.");
  const yaml = buildKubeconfig({
    clusterName: environment.name,
    server: environment.plan.endpoints.apiServer,
    caCertificatePem: simulatedCaPem(info.caCertHash),
    token,
  });
  return { fileName: `${environment.name}-kubeconfig.yaml`, yaml };
}

/** The simulated cluster has no real CA key pair; the bundle carries the CA's hash so clients can pin it. */
function simulatedCaPem(caCertHash: string): string {
  const body = Buffer.from(`Clusterport simulated cluster CA ${caCertHash}`).toString("base64");
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
}
