/**
 * The names a web server's certificate for the clusters' API covers: the loopback names a kubeconfig from a local
 * start uses, and APP_URL's host (IPv6 without its brackets), so the kubeconfig's server always verifies.
 */
export function servingNames(appUrl: string): string[] {
  const host = new URL(appUrl).hostname.replace(/^\[|\]$/g, "");
  return [...new Set(["localhost", "127.0.0.1", "::1", host.toLowerCase()])];
}
