import { topologies } from "@/lib/catalog";
import type { OperationStepSpec } from "@/lib/engine";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { nodeIndex } from "@/lib/plan";
import {
  nextWorkerIds,
  planStep,
  prepared,
  replan,
  workerIds,
  type ChangeContext,
  type PreparedChange,
} from "../change-context";
import { scaleWorkersSchema } from "./schema";

/**
 * Scale workers to a new count. Out: a fresh join token, then each new worker (ids past the highest ever used)
 * is prepared and joins. In: each leaving worker (the newest unless named) is cordoned and drained — its pods
 * move to the remaining workers or stay Pending — and removed. The control plane never changes.
 */
export function prepareScaleWorkers(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = scaleWorkersSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  const { workers: target, remove } = parsed.data;
  const current = workerIds(ctx.plan);
  const topology = topologies[ctx.plan.topology];
  const invalid = (field: "workers" | "remove", message: string) => new ValidationError({ [field]: message }, message);
  if (target === current.length)
    throw invalid(
      "workers",
      `The cluster already has ${current.length} worker${current.length === 1 ? "" : "s"}; choose another number.`,
    );
  if (target < topology.minWorkers)
    throw invalid(
      "workers",
      `${topology.name} clusters need at least ${topology.minWorkers} worker${topology.minWorkers === 1 ? "" : "s"}.`,
    );

  if (target > current.length) {
    if (remove !== undefined && remove.length > 0)
      throw invalid("remove", "Workers to remove can be chosen only when scaling in.");
    const added = nextWorkerIds(ctx, target - current.length);
    const ids = [...current, ...added];
    const plan = replan(ctx, { ...ctx.settings, workers: ids.length }, ids);
    const token: OperationStepSpec = {
      key: "create-join-token",
      name: "create-join-token",
      title: "Create a join token (kubeadm token create)",
      stage: "workers",
      dependsOn: [],
      estimatedSeconds: 5,
    };
    const steps: OperationStepSpec[] = [token];
    for (const id of added) {
      steps.push(planStep(plan, `prepare-instance:${id}`, []));
      steps.push(planStep(plan, `connect-worker:${id}`, [token.key, `prepare-instance:${id}`]));
    }
    return prepared(ctx, {
      type: "scale-workers",
      settings: { ...ctx.settings, workers: ids.length },
      plan,
      steps,
      params: {
        summary: `scales workers ${current.length} → ${ids.length}, adding ${added.join(", ")}`,
        workers: ids.length,
        added,
        removed: [],
      },
    });
  }

  const leaving = current.length - target;
  let removed: string[];
  if (remove === undefined || remove.length === 0) {
    removed = [...current].sort((a, b) => nodeIndex(b) - nodeIndex(a)).slice(0, leaving);
  } else {
    const unknown = remove.filter((id) => !current.includes(id));
    if (unknown.length > 0)
      throw invalid(
        "remove",
        `${unknown.join(", ")} ${unknown.length === 1 ? "is not a worker" : "are not workers"} of this cluster; its workers are ${current.join(", ")}.`,
      );
    removed = [...new Set(remove)];
    if (removed.length !== leaving) {
      throw invalid(
        "remove",
        `Going from ${current.length} to ${target} workers removes ${leaving}; you chose ${removed.length}.`,
      );
    }
  }
  const ids = current.filter((id) => !removed.includes(id));
  const plan = replan(ctx, { ...ctx.settings, workers: ids.length }, ids);
  const steps: OperationStepSpec[] = [];
  for (const id of removed) {
    steps.push({
      key: `drain-node:${id}`,
      name: "drain-node",
      title: `Cordon and drain worker ${id}`,
      stage: "remove-workers",
      node: id,
      dependsOn: [],
      estimatedSeconds: 20,
    });
    steps.push({
      key: `remove-node:${id}`,
      name: "remove-node",
      title: `Remove worker ${id}`,
      stage: "remove-workers",
      node: id,
      dependsOn: [`drain-node:${id}`],
      estimatedSeconds: 15,
    });
  }
  return prepared(ctx, {
    type: "scale-workers",
    settings: { ...ctx.settings, workers: ids.length },
    plan,
    steps,
    params: {
      summary: `scales workers ${current.length} → ${ids.length}, removing ${removed.join(", ")}`,
      workers: ids.length,
      added: [],
      removed,
    },
  });
}
