import { readClusterInfo, type ClusterInfo, type Sim } from "@/lib/engine/sim";
import type { StepContext } from "@/lib/engine/step-context";
import { bootstrapTokenRef, type BootstrapTokenSpec } from "./bootstrap-token-ref";
import { platformError } from "./platform-error";
import { secretNames } from "./secret-names";
import { sha256Hex } from "./sha256-hex";

/**
 * What `kubeadm join` presents: the bootstrap token (from the environment's secrets) and the CA hash to pin
 * (from kube-public/cluster-info). Both come from kubeadm init on k8sm-1; without them, or when the API server
 * does not know the token, the join fails for good (platform).
 */
export function readJoinMaterial(ctx: StepContext, sim: Sim, purpose: string): { token: string; info: ClusterInfo } {
  const info = readClusterInfo(sim);
  const token = ctx.secrets.get(secretNames.bootstrapToken);
  if (!info || !token) {
    throw platformError(
      "cluster-not-initialised",
      `Cannot ${purpose}: the cluster has not been initialised (no bootstrap token or cluster-info from kubeadm init on k8sm-1).`,
    );
  }
  const stored = sim.objects.get<BootstrapTokenSpec>(bootstrapTokenRef(token));
  if (!stored || stored.spec.tokenSecretSha256 !== sha256Hex(token.split(".")[1] ?? "")) {
    throw platformError(
      "join-rejected",
      `Cannot ${purpose}: the API server rejected the bootstrap token (unknown or expired).`,
    );
  }
  return { token, info };
}

/** The join command as logged: the CA hash is public, the token and certificate key are not. */
export function joinCommand(info: ClusterInfo, controlPlane: boolean): string {
  const server = info.server.replace(/^https:\/\//, "");
  const base = `kubeadm join ${server} --token <REDACTED> --discovery-token-ca-cert-hash ${info.caCertHash}`;
  return controlPlane ? `${base} --control-plane --certificate-key <REDACTED>` : base;
}
