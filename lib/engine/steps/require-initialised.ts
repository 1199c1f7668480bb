import { isCniInstalled, readClusterInfo, type Sim } from "@/lib/engine/sim";
import { platformError } from "./platform-error";

/** kubeadm init must have run (cluster-info exists). */
export function requireInitialised(sim: Sim, purpose: string): void {
  if (!readClusterInfo(sim)) {
    throw platformError(
      "cluster-not-initialised",
      `Cannot ${purpose}: the cluster has not been initialised (kubeadm init on k8sm-1).`,
    );
  }
}

/** The pod network (Weave Net) must be installed; workloads cannot run without it. */
export function requireCni(sim: Sim, purpose: string): void {
  requireInitialised(sim, purpose);
  if (!isCniInstalled(sim)) {
    throw platformError("pod-network-missing", `Cannot ${purpose}: the pod network (Weave Net) is not installed.`);
  }
}
