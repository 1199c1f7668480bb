import { nodeGroups } from "@/lib/catalog";
import { reconcileCluster, registerNode } from "@/lib/engine/sim";
import type { StepHandler } from "@/lib/engine/step-context";
import { cordonAndDrain, uncordon } from "./cordon-node";
import { nodeToUpgrade } from "./node-to-upgrade";
import { nodeAllocatable } from "./plan-facts";
import { platformError } from "./platform-error";
import { clusterVersion } from "./upgrade-control-plane";

/**
 * upgrade-worker:<cp-N> (upgrade) — once the control plane runs the new version (a kubelet may not be newer than
 * the API server): cordon and drain, `kubeadm upgrade node`, upgrade the kubelet, uncordon. A worker already on
 * the version is left alone.
 * Fault "kubelet-upgrade-fails": the kubelet does not come back after the upgrade (permanent, platform); the
 * failed attempt changes nothing, so the worker still serves on its old version.
 */
export const upgradeWorker: StepHandler = (ctx) => {
  const { nodeId, sim, version, machine, current, done } = nodeToUpgrade(ctx, [nodeGroups.workers.id]);
  if (done) return { node: nodeId, version };
  if (clusterVersion(sim) !== version) {
    throw platformError(
      "version-skew",
      `Cannot upgrade ${nodeId} to ${version}: the control plane still runs ${clusterVersion(sim) ?? "an unknown version"}, and a kubelet may not be newer than the API server.`,
    );
  }
  const from = current.spec.kubeletVersion;
  // Checked before anything changes: a failed attempt commits nothing, so the worker still serves on its old version.
  if (ctx.faults.has("kubelet-upgrade-fails")) {
    throw platformError(
      "kubelet-not-ready",
      `The kubelet on ${nodeId} did not become Ready after the upgrade to ${version} (node status unknown for 5 min).`,
      "Retry the upgrade; if it fails again, contact support with the environment name.",
    );
  }
  cordonAndDrain(ctx, sim, nodeId);
  const pkg = version.replace(/^v/, "");
  ctx.log(`apt-mark unhold kubeadm && apt-get install -y kubeadm=${pkg}-1.1 && apt-mark hold kubeadm`);
  ctx.log("kubeadm upgrade node");
  ctx.log(
    `apt-mark unhold kubelet kubectl && apt-get install -y kubelet=${pkg}-1.1 kubectl=${pkg}-1.1 && apt-mark hold kubelet kubectl`,
  );
  ctx.log("systemctl daemon-reload && systemctl restart kubelet");
  registerNode(sim, machine, "worker", version, nodeAllocatable(ctx.environment.plan, machine.nodeId));
  sim.machines.mergeFacts(nodeId, { kubeletVersion: version });
  reconcileCluster(sim);
  uncordon(ctx, sim, nodeId);
  ctx.log(`${nodeId}: ${from} → ${version}`);
  return { node: nodeId, from, version };
};
