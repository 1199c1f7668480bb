import type { Sim } from "./create-sim";

/** The CNI of the cluster: Weave Net, as in the reference package. */
export const cniRef = { kind: "DaemonSet", namespace: "kube-system", name: "weave-net" } as const;

/** Nodes turn Ready only once the pod network exists. */
export function isCniInstalled(sim: Sim): boolean {
  return sim.objects.get(cniRef) !== undefined;
}
