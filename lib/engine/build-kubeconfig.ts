import { stringify } from "yaml";

/**
 * An admin kubeconfig for the cluster: `server` is its Kubernetes API as Clusterport serves it, the user the
 * `fulladmin` service account's token. No certificate data: behind HTTPS the usual trust applies. A plain
 * http:// server (a local install) is marked `insecure-skip-tls-verify`: there is no TLS to verify, and
 * @kubernetes/client-node refuses plain HTTP without it.
 */
export function buildKubeconfig(input: { clusterName: string; server: string; token: string }): string {
  const user = `${input.clusterName}-admin`;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: input.clusterName,
        cluster: { server: input.server, ...(input.server.startsWith("http://") ? { "insecure-skip-tls-verify": true } : {}) },
      },
    ],
    users: [{ name: user, user: { token: input.token } }],
    contexts: [{ name: input.clusterName, context: { cluster: input.clusterName, user } }],
    "current-context": input.clusterName,
  });
}
