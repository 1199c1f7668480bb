import type { Sim } from "./create-sim";
import type { ClusterInfo } from "./types";
import { clusterInfoRef } from "./write-cluster-info";

/** The cluster-info ConfigMap's data, or undefined before kubeadm init. */
export function readClusterInfo(sim: Sim): ClusterInfo | undefined {
  return sim.objects.get<{ data?: ClusterInfo }>(clusterInfoRef)?.spec.data;
}
