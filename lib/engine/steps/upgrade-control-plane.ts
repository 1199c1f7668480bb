import { addControlPlanePods, applyDaemonSet, reconcileCluster, registerNode, type NodeSpec } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { components, kubeVersion } from "./component-versions";
import { cordonAndDrain, uncordon } from "./cordon-node";
import { platformError } from "./platform-error";
import { planNodeIds } from "./plan-facts";
import { requirePlanNode } from "./require-plan-node";
import { requireRunningMachine } from "./require-running-machine";
import { simOf } from "./sim-of";

/** The version kubeadm-config says the cluster runs (what `kubeadm upgrade apply` sets). */
export function clusterVersion(sim: ReturnType<typeof simOf>): string | undefined {
  const config = sim.objects.get<{ data?: { kubernetesVersion?: string } }>({ kind: "ConfigMap", namespace: "kube-system", name: "kubeadm-config" });
  return config?.spec.data?.kubernetesVersion;
}

/**
 * upgrade-control-plane:<k8sm-N> (upgrade) — drain the control plane, upgrade kubeadm, then on the first
 * `kubeadm upgrade apply` (new static pods, kubeadm-config and kube-proxy at the new version) and on the others
 * `kubeadm upgrade node`, then the kubelet, and uncordon. One node at a time: the others serve the API meanwhile.
 * A node already on the version is left alone.
 */
export const upgradeControlPlane: StepHandler = (ctx) => {
  const { node } = requirePlanNode(ctx, ["k8sm"]);
  const sim = simOf(ctx);
  const version = kubeVersion(ctx.environment.plan.version);
  const machine = requireRunningMachine(sim, node.id, `upgrade ${node.id}`);
  const current = sim.objects.get<NodeSpec>({ kind: "Node", name: node.id });
  if (!current) throw platformError("node-missing", `Cannot upgrade ${node.id}: it is not a node of the cluster.`);
  if (current.spec.kubeletVersion === version && !current.spec.unschedulable) {
    ctx.log(`${node.id} already runs ${version}; nothing to do.`);
    return { node: node.id, version };
  }
  const first = planNodeIds(ctx.environment.plan, "k8sm")[0] === node.id;
  if (!first && clusterVersion(sim) !== version) {
    throw platformError("upgrade-order", `Cannot upgrade ${node.id} before the first control plane: the cluster is still on ${clusterVersion(sim) ?? "an unknown version"}.`);
  }
  const from = current.spec.kubeletVersion;
  cordonAndDrain(ctx, sim, node.id);
  const pkg = version.replace(/^v/, "");
  ctx.log(`apt-mark unhold kubeadm && apt-get install -y kubeadm=${pkg}-1.1 && apt-mark hold kubeadm`);
  if (first) {
    ctx.log("kubeadm upgrade plan");
    ctx.log(`kubeadm upgrade apply ${version} -y`);
    const config = sim.objects.get<{ data: Record<string, string> }>({ kind: "ConfigMap", namespace: "kube-system", name: "kubeadm-config" });
    if (config) sim.objects.apply({ kind: "ConfigMap", namespace: "kube-system", name: "kubeadm-config", spec: { data: { ...config.spec.data, kubernetesVersion: version } } });
    applyDaemonSet(sim, { namespace: "kube-system", name: "kube-proxy", image: components.kubeProxyImage(version), placement: "nodes", tolerateNotReady: true, labels: { "k8s-app": "kube-proxy" } });
    ctx.log(`[upgrade/successful] SUCCESS! Your cluster was upgraded to "${version}". Enjoy!`);
  } else {
    ctx.log("kubeadm upgrade node");
    ctx.log("[upgrade] The control plane instance for this node was successfully updated!");
  }
  addControlPlanePods(sim, node.id, version);
  ctx.log(`apt-mark unhold kubelet kubectl && apt-get install -y kubelet=${pkg}-1.1 kubectl=${pkg}-1.1 && apt-mark hold kubelet kubectl`);
  ctx.log("systemctl daemon-reload && systemctl restart kubelet");
  registerNode(sim, machine, "control-plane", version);
  sim.machines.mergeFacts(node.id, { kubeletVersion: version });
  reconcileCluster(sim);
  uncordon(ctx, sim, node.id);
  ctx.log(`${node.id}: ${from} → ${version}`);
  return { node: node.id, from, version };
};
