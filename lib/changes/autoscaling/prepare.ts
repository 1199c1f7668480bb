import { topologies } from "@/lib/catalog";
import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import {
  nextWorkerIds,
  planStep,
  prepared,
  quotaProblems,
  replan,
  workerIds,
  type ChangeContext,
  type PreparedChange,
} from "../change-context";
import { autoscalingSchema } from "./schema";

/**
 * Worker autoscaling on (or a new range) or off. The range must suit the topology, hold today's workers, and fit
 * the plan's quotas at its maximum — checked now, so the autoscaler never needs to be refused later. On:
 * cluster-autoscaler is (re)configured in kube-system; off: it is removed and the workers stay as they are.
 */
export function prepareAutoscaling(ctx: ChangeContext, input: unknown): PreparedChange {
  const parsed = autoscalingSchema.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const current = ctx.settings.autoscaling;
  if (!parsed.data.enabled) {
    if (!current) throw new ConflictError("Worker autoscaling is already off.");
    const { autoscaling: _off, ...settings } = ctx.settings;
    const plan = replan(ctx, settings);
    const steps = [
      {
        key: "remove-cluster-autoscaler",
        name: "remove-cluster-autoscaler",
        title: "Remove the worker autoscaler",
        stage: "addons",
        dependsOn: [],
        estimatedSeconds: 10,
      },
    ];
    return prepared(ctx, {
      type: "autoscaling",
      settings,
      plan,
      steps,
      params: { summary: "turns worker autoscaling off", enabled: false },
    });
  }
  const { minWorkers, maxWorkers } = parsed.data;
  if (current && current.minWorkers === minWorkers && current.maxWorkers === maxWorkers) {
    throw new ConflictError(`Worker autoscaling is already on with ${minWorkers}–${maxWorkers} workers.`);
  }
  const topology = topologies[ctx.plan.topology];
  const workers = workerIds(ctx.plan);
  const invalid = (field: "minWorkers" | "maxWorkers", message: string) =>
    new ValidationError({ [field]: message }, message);
  if (minWorkers < topology.minWorkers)
    throw invalid(
      "minWorkers",
      `${topology.name} clusters need at least ${topology.minWorkers} worker${topology.minWorkers === 1 ? "" : "s"}.`,
    );
  if (workers.length < minWorkers)
    throw invalid(
      "minWorkers",
      `The cluster has ${workers.length} worker${workers.length === 1 ? "" : "s"}: set Minimum to at most ${workers.length}, or scale workers first.`,
    );
  if (workers.length > maxWorkers)
    throw invalid(
      "maxWorkers",
      `The cluster has ${workers.length} workers: set Maximum to at least ${workers.length}, or scale workers in first.`,
    );
  const atMost = replan(ctx, { ...ctx.settings, workers: maxWorkers }, [
    ...workers,
    ...nextWorkerIds(ctx, maxWorkers - workers.length),
  ]);
  const problems = quotaProblems(ctx, atMost);
  if (problems.length > 0)
    throw invalid("maxWorkers", `At ${maxWorkers} workers the cluster would exceed your plan: ${problems.join(" ")}`);
  const settings = { ...ctx.settings, autoscaling: { minWorkers, maxWorkers } };
  const plan = replan(ctx, settings);
  return prepared(ctx, {
    type: "autoscaling",
    settings,
    plan,
    steps: [planStep(plan, "install-cluster-autoscaler", [])],
    params: {
      summary: `${current ? "sets worker autoscaling to" : "turns worker autoscaling on:"} ${minWorkers}–${maxWorkers} workers`,
      enabled: true,
      minWorkers,
      maxWorkers,
    },
  });
}
