import { stringify } from "yaml";

/**
 * An admin kubeconfig for the cluster. `server` is the cluster's API endpoint from the plan: the control
 * plane in development, the API balancers in production. The CA bundle is the simulated cluster's
 * certificate (identified by its hash); the user is the `fulladmin` service account's token.
 */
export function buildKubeconfig(input: { clusterName: string; server: string; caCertificatePem: string; token: string }): string {
  const user = `${input.clusterName}-admin`;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: input.clusterName,
        cluster: { server: input.server, "certificate-authority-data": Buffer.from(input.caCertificatePem).toString("base64") },
      },
    ],
    users: [{ name: user, user: { token: input.token } }],
    contexts: [{ name: input.clusterName, context: { cluster: input.clusterName, user } }],
    "current-context": input.clusterName,
  });
}
