import type { Pool } from "@/lib/db/pool";
import { canRequest, type EnvironmentAction } from "@/lib/environments/environment-actions";
import { isEnvironmentStatus, type EnvironmentStatus } from "@/lib/environments/environment-status";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { buildTeardownSteps } from "./build-teardown-steps";
import { createOperation, oneActiveOperationIndex, type OperationStepSpec } from "./create-operation";
import { environmentStatusForOperation } from "./environment-status-for-operation";
import { parseFaults } from "./faults";
import { operationLabels, type OperationStatus, type OperationType } from "./operation-states";
import { engineTransaction, type EngineTx } from "./store/engine-transaction";
import { assertStepMoves, transition } from "./store/transition";

type Request = { environmentId: string; actorId: string | null; now: Date };

const changedMeanwhile = () => new ConflictError("The environment changed meanwhile. Reload and try again.");

assertStepMoves(["pending", "retrying", "running"], "cancelled");
assertStepMoves(["failed"], "pending");

/**
 * Cancel stops an install in flight: its unfinished steps are cancelled (a runner still holding one then
 * finds its lease gone and commits nothing) and a cancel operation tears down whatever was created. Locks
 * follow the store's order: steps, operation, environment.
 */
export async function requestCancel(pool: Pool, r: Request): Promise<string> {
  return request(pool, async (tx) => {
    const env = await environmentOf(tx, r.environmentId);
    const op = await activeOperation(tx, r.environmentId);
    if (!op || op.type !== "install" || !canRequest("cancel", env.status)) {
      throw new ConflictError(
        env.status === "failed"
          ? "The install has already stopped on an error; delete the environment to tear it down."
          : "Only an install in progress can be cancelled.",
      );
    }
    // Waits for steps being recorded right now; after it, none of this install's steps can commit.
    await tx.client.query(
      `UPDATE step SET status = 'cancelled', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "finishedAt" = $2
        WHERE "operationId" = $1 AND status IN ('pending', 'retrying', 'running')`,
      [op.id, r.now],
    );
    const stopped = await transition(
      tx,
      { entity: "operation", id: op.id, environmentId: r.environmentId, from: op.status, to: "cancelled", set: { finishedAt: r.now } },
      { type: "operation.cancelled", message: "Install cancelled; tearing down what it created.", operationId: op.id, actorId: r.actorId, data: { status: "cancelled" } },
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
    if (!canRequest("delete", env.status)) throw new ConflictError(`An environment that is ${env.status} cannot be deleted.`);
    await moveEnvironment(tx, r, env.status, "deleting", { message: `Deleting ${env.domain}.` });
    return createOperation(tx, { ...r, type: "delete", steps: await buildTeardownSteps(tx, r.environmentId) });
  });
}

/**
 * Activates add-ons on a running cluster: the environment's settings and plan become the new ones (so its
 * endpoints and health check know about the add-ons), and an addons operation installs just those add-ons
 * and checks the cluster's health again.
 */
export async function requestAddons(
  pool: Pool,
  r: Request & { settings: InstallSettings; plan: EnvironmentPlan; steps: OperationStepSpec[]; names: string[] },
): Promise<string> {
  return request(pool, async (tx) => {
    const env = await environmentOf(tx, r.environmentId);
    await assertIdle(tx, r.environmentId, "addons");
    if (!canRequest("addons", env.status)) throw new ConflictError("Add-ons can be activated on a running cluster only.");
    await moveEnvironment(tx, r, env.status, "updating", {
      message: `Activating ${r.names.join(", ")}.`,
      set: { settings: r.settings, plan: r.plan },
      data: { addons: r.names },
    });
    return createOperation(tx, { environmentId: r.environmentId, actorId: r.actorId, now: r.now, type: "addons", steps: r.steps });
  });
}

/**
 * Retry resumes a failed operation from its failed steps; everything that succeeded stays done. Named faults
 * are cleared: in the simulation, retrying stands for "the cause was fixed".
 */
export async function requestRetry(pool: Pool, r: Request): Promise<string> {
  return request(pool, async (tx) => {
    const env = await environmentOf(tx, r.environmentId);
    if (!canRequest("retry", env.status)) throw new ConflictError("Only a failed environment can be retried.");
    const { rows } = await tx.client.query<{ id: string; type: OperationType }>(
      `SELECT id, type FROM operation WHERE "environmentId" = $1 AND status = 'failed' ORDER BY "createdAt" DESC LIMIT 1`,
      [r.environmentId],
    );
    const op = rows[0];
    if (!op) throw new ConflictError("There is no failed operation to retry.");
    await tx.client.query(
      `UPDATE step SET status = 'pending', attempts = 0, "availableAt" = $2, "finishedAt" = NULL WHERE "operationId" = $1 AND status = 'failed'`,
      [op.id, r.now],
    );
    const to = environmentStatusForOperation(op.type);
    const resumed = await transition(
      tx,
      { entity: "operation", id: op.id, environmentId: r.environmentId, from: "failed", to: "running", set: { error: null, finishedAt: null } },
      { type: "operation.retried", message: `${operationLabels[op.type]} resumed from the failed step.`, operationId: op.id, actorId: r.actorId, data: { status: to } },
      r.now,
    );
    if (!resumed) throw changedMeanwhile();
    await moveEnvironment(tx, r, env.status, to, { message: `${operationLabels[op.type]} resumed.`, set: { faults: { ...parseFaults(env.faults), named: [] } } });
    return op.id;
  });
}

/** An engine transaction whose lost race for the environment's one active operation is a conflict in words. */
async function request(pool: Pool, fn: (tx: EngineTx) => Promise<string>): Promise<string> {
  try {
    return await engineTransaction(pool, fn);
  } catch (e) {
    if ((e as { code?: string; constraint?: string }).code === "23505" && (e as { constraint?: string }).constraint === oneActiveOperationIndex) {
      throw new ConflictError("Another operation on this environment has just started; wait until it ends.");
    }
    throw e;
  }
}

async function environmentOf(tx: EngineTx, id: string): Promise<{ status: EnvironmentStatus; domain: string; faults: unknown }> {
  const { rows } = await tx.client.query<{ status: string; domain: string; faults: unknown }>(`SELECT status, domain, faults FROM environment WHERE id = $1`, [id]);
  const row = rows[0];
  if (!row) throw new NotFoundError();
  if (!isEnvironmentStatus(row.status)) throw new Error(`Environment ${id} has an unknown status "${row.status}".`);
  return { ...row, status: row.status };
}

async function activeOperation(tx: EngineTx, environmentId: string) {
  const { rows } = await tx.client.query<{ id: string; type: OperationType; status: OperationStatus }>(
    `SELECT id, type, status FROM operation WHERE "environmentId" = $1 AND status IN ('queued', 'running') LIMIT 1`,
    [environmentId],
  );
  return rows[0];
}

async function assertIdle(tx: EngineTx, environmentId: string, action: EnvironmentAction): Promise<void> {
  const op = await activeOperation(tx, environmentId);
  if (!op) return;
  if (action === "delete" && op.type === "install") throw new ConflictError("An install is in progress: cancel it first, or wait until it ends.");
  throw new ConflictError(
    action === "addons"
      ? `${operationLabels[op.type]} is in progress; activate add-ons once it has ended.`
      : `${operationLabels[op.type]} is already in progress.`,
  );
}

async function moveEnvironment(
  tx: EngineTx,
  r: Request,
  from: EnvironmentStatus,
  to: EnvironmentStatus,
  detail: { message: string; set?: Record<string, unknown>; data?: Record<string, unknown> },
): Promise<void> {
  const moved = await transition(
    tx,
    { entity: "environment", id: r.environmentId, from, to, set: detail.set },
    { type: `environment.${to}`, message: detail.message, actorId: r.actorId, data: { status: to, ...detail.data } },
    r.now,
  );
  if (!moved) throw changedMeanwhile();
}
