import { env } from "@/lib/env";

/**
 * The one place that says where kubectl reaches the clusters' Kubernetes API; the kubeconfig, the environment's
 * endpoints (page, API v1, CLI) and the install dialog all print what this returns. Always https, because
 * kubectl sends its token over nothing else:
 * - APP_URL https (a proxy with a public certificate terminates TLS): that origin; kubectl trusts it as any site.
 * - APP_URL http (`npm start`): the same host and port over TLS — scripts/serve.ts tells TLS from plain HTTP by the
 *   connection's first byte — with a certificate of the installation's own authority, so `ownAuthority` is true
 *   and the kubeconfig carries that authority.
 */
export function kubernetesApiOrigin(appUrl: string): { origin: string; ownAuthority: boolean } {
  const url = new URL(appUrl);
  if (url.protocol === "https:") return { origin: url.origin, ownAuthority: false };
  return { origin: `https://${url.hostname}:${url.port || "80"}`, ownAuthority: true };
}

/** The server a cluster's kubeconfig names: `<origin>/k8s/clusters/<environment id>`. */
export function kubernetesApiUrl(environmentId: string, appUrl = env().appUrl): string {
  return `${kubernetesApiOrigin(appUrl).origin}/k8s/clusters/${environmentId}`;
}
