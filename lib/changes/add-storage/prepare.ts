import { nodeGroups } from "@/lib/catalog";
import type { OperationStepSpec } from "@/lib/engine";
import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { planStep, prepared, replan, type ChangeContext, type PreparedChange } from "../change-context";
import { addStorageSchema } from "./schema";

/**
 * Add storage: the topology's storage nodes (one NFS server; three forming a GlusterFS replicated volume in
 * production), /data mounted on every node, then the NFS provisioner and the default StorageClass — the same
 * steps an install with storage runs, so Monitoring and Tracing become possible.
 */
export function prepareAddStorage(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = addStorageSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), "Add storage takes no parameters: send {}.");
  if (ctx.settings.storage) throw new ConflictError("This cluster already has NFS storage.");
  const settings = { ...ctx.settings, storage: true };
  const plan = replan(ctx, settings);
  const storageNodes = plan.nodeGroups.find((g) => g.id === "storage")?.nodes.map((n) => n.id) ?? [];
  const steps: OperationStepSpec[] = storageNodes.map((id) => planStep(plan, `prepare-storage:${id}`, []));
  const ready =
    storageNodes.length > 1
      ? [
          planStep(
            plan,
            "create-gluster-volume",
            steps.map((s) => s.key),
          ),
        ]
      : [];
  steps.push(...ready);
  const volume = (ready.length > 0 ? ready : steps).map((s) => s.key);
  const clusterNodes = plan.nodeGroups
    .filter((g) => g.id === nodeGroups.controlPlane.id || g.id === nodeGroups.workers.id)
    .flatMap((g) => g.nodes.map((n) => n.id));
  for (const id of clusterNodes) {
    steps.push({
      key: `mount-storage:${id}`,
      name: "mount-storage",
      title: `Mount /data on ${id}`,
      stage: "storage",
      node: id,
      dependsOn: volume,
      estimatedSeconds: 5,
    });
  }
  steps.push(planStep(plan, "helm-components", volume));
  const kind = storageNodes.length > 1 ? "GlusterFS-replicated NFS storage" : "NFS storage";
  return prepared(ctx, {
    type: "add-storage",
    settings,
    plan,
    steps,
    params: { summary: `adds ${kind} on ${storageNodes.join(", ")} and a default StorageClass`, added: storageNodes },
  });
}
