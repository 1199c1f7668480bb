/**
 * kubeadm keeps a bootstrap token as Secret kube-system/bootstrap-token-<token id>. The simulated one holds
 * only a SHA-256 of the token's secret half, so the API server can check what a joining node presents while
 * the token itself lives nowhere but the encrypted environment secret.
 */
export function bootstrapTokenRef(token: string): { kind: "Secret"; namespace: "kube-system"; name: string } {
  return { kind: "Secret", namespace: "kube-system", name: `bootstrap-token-${token.split(".")[0] ?? ""}` };
}

export type BootstrapTokenSpec = {
  type: "bootstrap.kubernetes.io/token";
  tokenSecretSha256: string;
  usages: string[];
  /** The day-2 operation that created it (kubeadm token create); absent for the install's token. */
  createdFor?: string;
};
