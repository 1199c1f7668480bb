import { findAccountPlan, nodeGroups } from "@/lib/catalog";
import { changeActions, quotaProblems, workerIds, type ChangeContext } from "@/lib/changes";
import type { Pool } from "@/lib/db/pool";
import {
  findActiveEnvironmentPlans,
  findAutoscaledEnvironments,
  findMachineIds,
  findRegistryCredentials,
  nodeAllocatable,
  readSim,
  recordEnvironmentEvent,
  requestChange,
  type AutoscaledEnvironment,
} from "@/lib/engine";
import type { NodeSpec, NodeStatus, PodSpec, PodStatus } from "@/lib/engine/sim";
import { ConflictError, ValidationError } from "@/lib/errors";
import { decideScaling, type ScalingDecision } from "./decide-scaling";

/** What the autoscaler remembers between passes: per environment, since when each worker is underused. */
export type AutoscalerState = Map<string, Map<string, number>>;

type AutoscalerDeps = { pool: Pool; encryptionKey: string; now: Date; state: AutoscalerState; timeScale?: number };

/**
 * One pass over every running cluster with autoscaling on: each decision to scale becomes a Scale workers
 * change, requested as the page requests it (same checks, same quotas, "Clusterport (automatic)" as its
 * author, the reason in its summary); a decision that cannot be carried out is told once in the activity. A
 * cluster busy with another operation is left for a later pass.
 */
export async function runAutoscaler(
  deps: AutoscalerDeps,
): Promise<{ environmentId: string; decision: ScalingDecision }[]> {
  const out: { environmentId: string; decision: ScalingDecision }[] = [];
  for (const environment of await findAutoscaledEnvironments(deps.pool)) {
    const range = environment.settings.autoscaling;
    if (!range) continue;
    const { sim } = await readSim(deps.pool, environment.id, deps.encryptionKey);
    const idleSince = deps.state.get(environment.id) ?? new Map<string, number>();
    deps.state.set(environment.id, idleSince);
    const workers = workerIds(environment.plan);
    const decision = decideScaling({
      range,
      workers,
      newWorker: nodeAllocatable(environment.plan, `${nodeGroups.workers.id}-new`),
      nodes: sim.objects.list<NodeSpec, NodeStatus>("Node"),
      pods: sim.objects.list<PodSpec, PodStatus>("Pod"),
      now: deps.now,
      idleSince,
      ...(deps.timeScale !== undefined ? { timeScale: deps.timeScale } : {}),
    });
    out.push({ environmentId: environment.id, decision });
    if (decision.kind === "held") await tell(deps, environment.id, decision.reason);
    if (decision.kind === "scale-out") await scale(deps, environment, { workers: decision.workers }, decision.reason);
    if (decision.kind === "scale-in")
      await scale(deps, environment, { workers: workers.length - 1, remove: [decision.remove] }, decision.reason);
    if (decision.kind === "scale-in") idleSince.delete(decision.remove);
  }
  return out;
}

const tell = (deps: AutoscalerDeps, environmentId: string, reason: string) =>
  recordEnvironmentEvent(deps.pool, {
    environmentId,
    type: "autoscaler",
    message: `Autoscaler: ${reason}`,
    now: deps.now,
  });

async function scale(
  deps: AutoscalerDeps,
  environment: AutoscaledEnvironment,
  input: { workers: number; remove?: string[] },
  reason: string,
): Promise<void> {
  const plan = findAccountPlan(environment.accountPlan) ?? findAccountPlan("developer")!;
  const ctx: ChangeContext = {
    settings: environment.settings,
    plan: environment.plan,
    quota: {
      plan,
      environmentsInUse: (await findActiveEnvironmentPlans(deps.pool, environment.userId, environment.id)).length,
    },
    machineIds: await findMachineIds(deps.pool, environment.id),
    registry: await findRegistryCredentials(deps.pool, environment.id),
  };
  try {
    const change = changeActions["scale-workers"](ctx, input);
    const problems = quotaProblems(ctx, change.plan);
    if (problems.length > 0) {
      await tell(
        deps,
        environment.id,
        `${reason}, but more workers would exceed the account's plan: ${problems.join(" ")}`,
      );
      return;
    }
    await requestChange(deps.pool, {
      environmentId: environment.id,
      actorId: null,
      now: deps.now,
      type: change.type,
      settings: change.settings,
      plan: change.plan,
      steps: change.steps,
      params: { ...change.params, summary: `autoscaler: ${reason}: ${change.params.summary}`, autoscaler: true },
    });
  } catch (e) {
    // Another operation runs, or the newest change failed: the next pass decides again.
    if (e instanceof ConflictError) return;
    if (e instanceof ValidationError) {
      await tell(deps, environment.id, `${reason}, but ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`);
      return;
    }
    throw e;
  }
}
