import type { Sim } from "./create-sim";
import type { ApplyResult, ClusterInfo } from "./types";

export const clusterInfoRef = { kind: "ConfigMap", namespace: "kube-public", name: "cluster-info" } as const;

/**
 * kubeadm's public ConfigMap kube-public/cluster-info: the API server a joining node talks to and the hash of
 * the cluster CA it must pin (--discovery-token-ca-cert-hash). Holds nothing secret.
 */
export function writeClusterInfo(sim: Sim, info: ClusterInfo): ApplyResult {
  return sim.objects.apply({ ...clusterInfoRef, spec: { data: info } }).result;
}
