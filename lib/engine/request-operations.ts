import type { Pool } from "@/lib/db/pool";
import { canRequest } from "@/lib/environments/environment-actions";
import { ConflictError } from "@/lib/errors";
import { buildTeardownSteps } from "./build-teardown-steps";
import { createOperation } from "./create-operation";
import { environmentStatusForOperation } from "./environment-status-for-operation";
import { parseFaults } from "./faults";
import { operationLabels, type OperationType } from "./operation-states";
import {
  assertIdle,
  changedMeanwhile,
  environmentOf,
  failedChange,
  moveEnvironment,
  request,
  type Request,
} from "./request-context";
import { cancelUnfinishedSteps } from "./store/cancel-unfinished-steps";
import { getActiveOperation } from "./store/get-active-operation";
import { getFailedOperation } from "./store/get-failed-operation";
import { resetFailedSteps } from "./store/reset-failed-steps";
import { transition } from "./store/transition";

/**
 * Cancel stops an install in flight: its unfinished steps are cancelled (a runner still holding one then
 * finds its lease gone and commits nothing) and a cancel operation tears down whatever was created. Locks
 * follow the store's order: steps, operation, environment.
 */
export async function requestCancel(pool: Pool, r: Request): Promise<string> {
  return request(pool, async (tx) => {
    const env = await environmentOf(tx, r.environmentId);
    const op = await getActiveOperation(tx, r.environmentId);
    if (!op || op.type !== "install" || !canRequest("cancel", env.status)) {
      throw new ConflictError(
        env.status === "failed"
          ? "The install has already stopped on an error; delete the environment to tear it down."
          : "Only an install in progress can be cancelled.",
      );
    }
    // Waits for steps being recorded right now; after it, none of this install's steps can commit.
    await cancelUnfinishedSteps(tx, {
      operationId: op.id,
      environmentId: r.environmentId,
      actorId: r.actorId,
      now: r.now,
    });
    const stopped = await transition(
      tx,
      {
        entity: "operation",
        id: op.id,
        environmentId: r.environmentId,
        from: op.status,
        to: "cancelled",
        set: { finishedAt: r.now },
      },
      {
        type: "operation.cancelled",
        message: "Install cancelled; tearing down what it created.",
        operationId: op.id,
        actorId: r.actorId,
        data: { status: "cancelled" },
      },
      r.now,
    );
    if (!stopped) throw changedMeanwhile();
    await moveEnvironment(tx, r, env.status, "cancelling", { message: "Cancelling: tearing down what was created." });
    return createOperation(tx, { ...r, type: "cancel", steps: await buildTeardownSteps(tx, r.environmentId) });
  });
}

/** Delete tears a running or failed environment down and releases its name and quota at the end. */
export async function requestDelete(pool: Pool, r: Request): Promise<string> {
  return request(pool, async (tx) => {
    const env = await environmentOf(tx, r.environmentId);
    await assertIdle(tx, r.environmentId, "delete");
    if (!canRequest("delete", env.status))
      throw new ConflictError(`An environment that is ${env.status} cannot be deleted.`);
    await moveEnvironment(tx, r, env.status, "deleting", { message: `Deleting ${env.domain}.` });
    return createOperation(tx, { ...r, type: "delete", steps: await buildTeardownSteps(tx, r.environmentId) });
  });
}

/**
 * Retry resumes a failed operation from its failed steps; everything that succeeded stays done. On a failed
 * environment that is the operation that failed it; on a running one, a day-2 change that failed. Named
 * faults are cleared: in the simulation, retrying stands for "the cause was fixed".
 */
export async function requestRetry(pool: Pool, r: Request): Promise<string> {
  return request(pool, async (tx) => {
    const env = await environmentOf(tx, r.environmentId);
    if (!canRequest("retry", env.status))
      throw new ConflictError("Only a failed environment or a failed change can be retried.");
    let op: { id: string; type: OperationType } | undefined;
    if (env.status === "running") {
      op = await failedChange(tx, r.environmentId);
      if (!op)
        throw new ConflictError("There is no failed change to retry: the newest change on this cluster did not fail.");
    } else {
      op = await getFailedOperation(tx, r.environmentId);
    }
    if (!op) throw new ConflictError("There is no failed operation to retry.");
    await resetFailedSteps(tx, { operationId: op.id, environmentId: r.environmentId, actorId: r.actorId, now: r.now });
    const to = environmentStatusForOperation(op.type);
    const resumed = await transition(
      tx,
      {
        entity: "operation",
        id: op.id,
        environmentId: r.environmentId,
        from: "failed",
        to: "running",
        set: { error: null, finishedAt: null },
      },
      {
        type: "operation.retried",
        message: `${operationLabels[op.type]} resumed from the failed step.`,
        operationId: op.id,
        actorId: r.actorId,
        data: { status: to },
      },
      r.now,
    );
    if (!resumed) throw changedMeanwhile();
    await moveEnvironment(tx, r, env.status, to, {
      message: `${operationLabels[op.type]} resumed.`,
      set: { faults: { ...parseFaults(env.faults), named: [] } },
    });
    return op.id;
  });
}
