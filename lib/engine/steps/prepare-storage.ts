import type { StepHandler } from "@/lib/engine/step-context";
import { planHasStep } from "./plan-facts";
import { platformError } from "./platform-error";
import { requirePlanNode } from "./require-plan-node";
import { simOf } from "./sim-of";

/**
 * prepare-storage:storage-N — a Shared Storage container exporting /data over NFS. With one storage node the
 * export is the cluster's volume; with several, create-gluster-volume joins them into a replicated volume.
 * Fault "storage-volume-error" fails here (permanent) when there is a single storage node.
 */
export const prepareStorage: StepHandler = (ctx) => {
  const { node, group } = requirePlanNode(ctx, ["storage"]);
  const single = !planHasStep(ctx.environment.plan, "create-gluster-volume");
  if (ctx.faults.has("storage-volume-error") && single) {
    throw platformError(
      "storage-volume-failed",
      `Could not create the NFS volume /data on ${node.id}: mkfs.xfs /dev/vdb failed (Input/output error).`,
    );
  }
  const sim = simOf(ctx);
  const existing = sim.machines.get(node.id);
  if (existing?.state === "running" && existing.facts.nfsExport) {
    ctx.log(`Storage node ${node.id} is already prepared (export ${existing.facts.nfsExport}); nothing to do.`);
    return { node: node.id, privateIp: existing.privateIp };
  }
  if (existing?.state === "removed") {
    throw platformError("machine-removed", `Machine ${node.id} has been removed; it cannot be prepared again.`);
  }
  const { machine } = sim.machines.create({ nodeId: node.id, nodeGroup: group.id, hostname: node.hostname });
  ctx.log(`Creating ${node.id} (Shared Storage, ${group.diskGb} GB) at ${machine.privateIp}`);
  sim.machines.setState(node.id, "booting");
  ctx.log("mkfs.xfs /dev/vdb && mount /dev/vdb /data");
  ctx.log(`exportfs -o rw,sync,no_root_squash *:/data`);
  sim.machines.mergeFacts(node.id, { role: "storage", prepared: true, nfsExport: "/data" });
  sim.machines.setState(node.id, "running");
  ctx.log(`${node.id} is running and exports /data over NFS`);
  return { node: node.id, privateIp: machine.privateIp };
};
