import type { Sim } from "./create-sim";
import type { PodSpec, PodStatus } from "./types";

export const controlPlaneComponents = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"] as const;

/**
 * The static pods kubeadm writes to /etc/kubernetes/manifests on a control plane (mirror pods named
 * `<component>-<node>` in kube-system). The kubelet runs them without the CNI (host network).
 */
export function addControlPlanePods(sim: Sim, nodeName: string, version: string): void {
  for (const component of controlPlaneComponents) {
    const image = component === "etcd" ? "registry.k8s.io/etcd:3.6.5-0" : `registry.k8s.io/${component}:${version}`;
    const spec: PodSpec = {
      owner: { kind: "Node", name: nodeName },
      nodeName,
      image,
      labels: { component, tier: "control-plane" },
    };
    const status: PodStatus = { phase: "Running" };
    sim.objects.apply({ kind: "Pod", namespace: "kube-system", name: `${component}-${nodeName}`, spec, status });
  }
}
