import { nodeGroups } from "@/lib/catalog";
import { addControlPlanePods, applyDaemonSet, reconcileCluster, registerNode } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { components } from "./component-versions";
import { cordonAndDrain, uncordon } from "./cordon-node";
import { nodeToUpgrade } from "./node-to-upgrade";
import { nodeAllocatable, planNodeIds } from "./plan-facts";
import { platformError } from "./platform-error";
import { type simOf } from "./sim-of";

/** The version kubeadm-config says the cluster runs (what `kubeadm upgrade apply` sets). */
export function clusterVersion(sim: ReturnType<typeof simOf>): string | undefined {
  const config = sim.objects.get<{ data?: { kubernetesVersion?: string } }>({
    kind: "ConfigMap",
    namespace: "kube-system",
    name: "kubeadm-config",
  });
  return config?.spec.data?.kubernetesVersion;
}

/**
 * upgrade-control-plane:<k8sm-N> (upgrade) — drain the control plane, upgrade kubeadm, then on the first
 * `kubeadm upgrade apply` (new static pods, kubeadm-config and kube-proxy at the new version) and on the others
 * `kubeadm upgrade node`, then the kubelet, and uncordon. One node at a time: the others serve the API meanwhile.
 * A node already on the version is left alone.
 */
export const upgradeControlPlane: StepHandler = (ctx) => {
  const { nodeId, sim, version, machine, current, done } = nodeToUpgrade(ctx, [nodeGroups.controlPlane.id]);
  if (done) return { node: nodeId, version };
  const first = planNodeIds(ctx.environment.plan, nodeGroups.controlPlane.id)[0] === nodeId;
  if (!first && clusterVersion(sim) !== version) {
    throw platformError(
      "upgrade-order",
      `Cannot upgrade ${nodeId} before the first control plane: the cluster is still on ${clusterVersion(sim) ?? "an unknown version"}.`,
    );
  }
  const from = current.spec.kubeletVersion;
  cordonAndDrain(ctx, sim, nodeId);
  const pkg = version.replace(/^v/, "");
  ctx.log(`apt-mark unhold kubeadm && apt-get install -y kubeadm=${pkg}-1.1 && apt-mark hold kubeadm`);
  if (first) {
    ctx.log("kubeadm upgrade plan");
    ctx.log(`kubeadm upgrade apply ${version} -y`);
    const config = sim.objects.get<{ data: Record<string, string> }>({
      kind: "ConfigMap",
      namespace: "kube-system",
      name: "kubeadm-config",
    });
    if (config)
      sim.objects.apply({
        kind: "ConfigMap",
        namespace: "kube-system",
        name: "kubeadm-config",
        spec: { data: { ...config.spec.data, kubernetesVersion: version } },
      });
    applyDaemonSet(sim, {
      namespace: "kube-system",
      name: "kube-proxy",
      image: components.kubeProxyImage(version),
      placement: "nodes",
      tolerateNotReady: true,
      labels: { "k8s-app": "kube-proxy" },
    });
    ctx.log(`[upgrade/successful] SUCCESS! Your cluster was upgraded to "${version}". Enjoy!`);
  } else {
    ctx.log("kubeadm upgrade node");
    ctx.log("[upgrade] The control plane instance for this node was successfully updated!");
  }
  addControlPlanePods(sim, nodeId, version);
  ctx.log(
    `apt-mark unhold kubelet kubectl && apt-get install -y kubelet=${pkg}-1.1 kubectl=${pkg}-1.1 && apt-mark hold kubelet kubectl`,
  );
  ctx.log("systemctl daemon-reload && systemctl restart kubelet");
  registerNode(sim, machine, "control-plane", version, nodeAllocatable(ctx.environment.plan, machine.nodeId));
  sim.machines.mergeFacts(nodeId, { kubeletVersion: version });
  reconcileCluster(sim);
  uncordon(ctx, sim, nodeId);
  ctx.log(`${nodeId}: ${from} → ${version}`);
  return { node: nodeId, from, version };
};
