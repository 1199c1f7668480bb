import type { StepHandler } from "@/lib/engine/step-context";
import { planNodeIds } from "./plan-facts";
import { platformError } from "./platform-error";
import { requireRunningMachine } from "./require-running-machine";
import { simOf } from "./sim-of";

export const glusterVolumeName = "data";

/**
 * create-gluster-volume (production storage) — the storage nodes form a GlusterFS replicated volume "data"
 * (one brick per node) that the cluster mounts over NFS at storage.<domain>. Recorded in each storage
 * machine's facts.gluster. Fault "storage-volume-error" fails here (permanent).
 */
export const createGlusterVolume: StepHandler = (ctx) => {
  const nodeIds = planNodeIds(ctx.environment.plan, "storage");
  if (ctx.faults.has("storage-volume-error")) {
    throw platformError(
      "storage-volume-failed",
      `gluster volume create ${glusterVolumeName} replica ${nodeIds.length} failed: host ${nodeIds[1] ?? nodeIds[0] ?? "storage-2"} is not in 'Peer in Cluster' state.`,
    );
  }
  const sim = simOf(ctx);
  const machines = nodeIds.map((id) => requireRunningMachine(sim, id, "create the GlusterFS volume"));
  if (machines.length < 2) {
    throw platformError(
      "storage-not-clustered",
      `A GlusterFS replicated volume needs at least 2 storage nodes; the plan has ${machines.length}.`,
    );
  }
  if (machines.every((m) => m.facts.gluster?.status === "Started")) {
    ctx.log(`GlusterFS volume ${glusterVolumeName} already started on ${nodeIds.join(", ")}; nothing to do.`);
    return { volume: glusterVolumeName, replicas: machines.length };
  }
  const bricks = machines.map((m) => `${m.nodeId}:/data/brick`);
  for (const m of machines.slice(1)) ctx.log(`gluster peer probe ${m.nodeId}: peer probe: success`);
  ctx.log(`gluster volume create ${glusterVolumeName} replica ${machines.length} ${bricks.join(" ")}: success`);
  ctx.log(`gluster volume start ${glusterVolumeName}: success`);
  for (const m of machines) {
    sim.machines.mergeFacts(m.nodeId, {
      gluster: { volume: glusterVolumeName, replicas: machines.length, bricks, status: "Started" },
    });
  }
  ctx.log(
    `Volume ${glusterVolumeName} is served over NFS at storage.${ctx.environment.plan.domain}:/${glusterVolumeName}`,
  );
  return { volume: glusterVolumeName, replicas: machines.length };
};
