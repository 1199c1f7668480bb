import { stringify } from "yaml";

/**
 * An admin kubeconfig for the cluster: `server` is its Kubernetes API as Clusterport serves it (always https, see
 * lib/kube-api/kubernetes-api-url.ts), the user the `fulladmin` service account's token. `certificateAuthority`
 * (PEM) is the installation's own authority when Clusterport serves the TLS itself; behind a proxy with a public
 * certificate there is none and the usual trust applies. Verification always stays on.
 */
export function buildKubeconfig(input: {
  clusterName: string;
  server: string;
  token: string;
  certificateAuthority?: string;
}): string {
  const user = `${input.clusterName}-admin`;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: input.clusterName,
        cluster: {
          server: input.server,
          ...(input.certificateAuthority
            ? { "certificate-authority-data": Buffer.from(input.certificateAuthority).toString("base64") }
            : {}),
        },
      },
    ],
    users: [{ name: user, user: { token: input.token } }],
    contexts: [{ name: input.clusterName, context: { cluster: input.clusterName, user } }],
    "current-context": input.clusterName,
  });
}
