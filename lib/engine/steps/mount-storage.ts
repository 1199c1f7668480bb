import { nodeGroups } from "@/lib/catalog";
import type { StepHandler } from "@/lib/engine/step-context";
import { platformError } from "./platform-error";
import { requirePlanNode } from "./require-plan-node";
import { requireRunningMachine } from "./require-running-machine";
import { simOf } from "./sim-of";

/**
 * mount-storage:<k8sm-N | cp-N> (add storage) — mounts the storage group's /data on a node that was prepared
 * without it, as prepare-instance does for a node created while the cluster has storage.
 * Fault "nfs-mount-fails": the mount times out (permanent, platform).
 */
export const mountStorage: StepHandler = (ctx) => {
  const { node } = requirePlanNode(ctx, [nodeGroups.controlPlane.id, nodeGroups.workers.id]);
  const sim = simOf(ctx);
  const machine = requireRunningMachine(sim, node.id, `mount /data on ${node.id}`);
  const mounts = machine.facts.mounts ?? [];
  if (mounts.includes("/data")) {
    ctx.log(`${node.id} already mounts /data; nothing to do.`);
    return { node: node.id };
  }
  if (ctx.faults.has("nfs-mount-fails")) {
    throw platformError(
      "nfs-mount-timeout",
      `mount.nfs4: Connection timed out mounting storage.${ctx.environment.domain}:/data on ${node.id}.`,
      "Retry the change; if it fails again, contact support with the environment name.",
    );
  }
  ctx.log(`${node.id}: mount -t nfs4 storage.${ctx.environment.domain}:/data /data (read-write)`);
  sim.machines.mergeFacts(node.id, { mounts: [...mounts, "/data"] });
  return { node: node.id };
};
