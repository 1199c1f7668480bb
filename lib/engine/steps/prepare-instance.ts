import { nodeGroups } from "@/lib/catalog";
import type { StepHandler } from "@/lib/engine/step-context";
import { components, kubeVersion } from "./component-versions";
import { planHasStorage } from "./plan-facts";
import { platformError } from "./platform-error";
import { requirePlanNode } from "./require-plan-node";
import { simOf } from "./sim-of";

/**
 * prepare-instance:<k8sm-N | cp-N> — the platform creates the container, boots it and runs
 * configure-instance.sh (role scripts, image pre-pull, /data mount when storage is on).
 * Machine: created → booting → running, facts.prepared. Idempotent: a running, prepared machine is left alone.
 */
export const prepareInstance: StepHandler = (ctx) => {
  const { node, group } = requirePlanNode(ctx, [nodeGroups.controlPlane.id, nodeGroups.workers.id]);
  const sim = simOf(ctx);
  const existing = sim.machines.get(node.id);
  if (existing?.state === "running" && existing.facts.prepared) {
    ctx.log(`${node.id} is already prepared (${existing.privateIp}); nothing to do.`);
    return { node: node.id, privateIp: existing.privateIp };
  }
  if (existing?.state === "removed") {
    throw platformError("machine-removed", `Machine ${node.id} has been removed; it cannot be prepared again.`);
  }
  const version = kubeVersion(ctx.environment.plan.version);
  const { machine } = sim.machines.create({ nodeId: node.id, nodeGroup: group.id, hostname: node.hostname });
  ctx.log(
    `Creating ${node.id} (${group.stack} ${version}, ${group.reservedCloudlets} cloudlets, ${group.diskGb} GB disk) at ${machine.privateIp}`,
  );
  sim.machines.setState(node.id, "booting");
  const role = group.id === nodeGroups.controlPlane.id ? "cplane" : "worker";
  ctx.log(`init-instance.sh --type=${role} --initial=true`);
  const images =
    group.id === nodeGroups.controlPlane.id
      ? ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kube-proxy"].map(
          (c) => `registry.k8s.io/${c}:${version}`,
        )
      : [components.kubeProxyImage(version)];
  ctx.log(`Pre-pulling images: ${[...images, "registry.k8s.io/pause:3.10", components.weave.image].join(", ")}`);
  const storage = planHasStorage(ctx.environment.plan);
  if (storage) ctx.log("Mounting /data from the storage group (NFS, read-write)");
  sim.machines.mergeFacts(node.id, {
    role: group.id === nodeGroups.controlPlane.id ? "control-plane" : "worker",
    prepared: true,
    kubeletVersion: version,
    containerRuntime: components.containerRuntime,
    mounts: storage ? ["/data"] : [],
  });
  sim.machines.setState(node.id, "running");
  ctx.log(`${node.id} is running (${node.hostname}, ${machine.privateIp}, ${components.containerRuntime})`);
  return { node: node.id, privateIp: machine.privateIp };
};
