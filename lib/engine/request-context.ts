import type { Pool } from "@/lib/db/pool";
import { isEnvironmentStatus, type EnvironmentStatus } from "@/lib/environments/environment-status";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { oneActiveOperationIndex } from "./create-operation";
import { isChangeType, operationLabels, type OperationStatus, type OperationType } from "./operation-states";
import { engineTransaction, type EngineTx } from "./store/engine-transaction";
import { transition } from "./store/transition";

/** What every request carries: the environment (already checked to be the caller's), who asks, and when. */
export type Request = { environmentId: string; actorId: string | null; now: Date };

export const changedMeanwhile = () => new ConflictError("The environment changed meanwhile. Reload and try again.");

/** An engine transaction whose lost race for the environment's one active operation is a conflict in words. */
export async function request(pool: Pool, fn: (tx: EngineTx) => Promise<string>): Promise<string> {
  try {
    return await engineTransaction(pool, fn);
  } catch (e) {
    if ((e as { code?: string; constraint?: string }).code === "23505" && (e as { constraint?: string }).constraint === oneActiveOperationIndex) {
      throw new ConflictError("Another operation on this environment has just started; wait until it ends.");
    }
    throw e;
  }
}

export type EnvironmentRow = { status: EnvironmentStatus; domain: string; faults: unknown; settings: InstallSettings; plan: EnvironmentPlan };

export async function environmentOf(tx: EngineTx, id: string): Promise<EnvironmentRow> {
  const { rows } = await tx.client.query<Omit<EnvironmentRow, "status"> & { status: string }>(
    `SELECT status, domain, faults, settings, plan FROM environment WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError();
  if (!isEnvironmentStatus(row.status)) throw new Error(`Environment ${id} has an unknown status "${row.status}".`);
  return { ...row, status: row.status };
}

export async function activeOperation(tx: EngineTx, environmentId: string) {
  const { rows } = await tx.client.query<{ id: string; type: OperationType; status: OperationStatus }>(
    `SELECT id, type, status FROM operation WHERE "environmentId" = $1 AND status IN ('queued', 'running') LIMIT 1`,
    [environmentId],
  );
  return rows[0];
}

/** One operation at a time: a second request is refused with the name of the one in progress. */
export async function assertIdle(tx: EngineTx, environmentId: string, action: "delete" | "change"): Promise<void> {
  const op = await activeOperation(tx, environmentId);
  if (!op) return;
  if (action === "delete" && op.type === "install") throw new ConflictError("An install is in progress: cancel it first, or wait until it ends.");
  throw new ConflictError(
    action === "change"
      ? `${operationLabels[op.type]} is in progress; make this change once it has ended.`
      : `${operationLabels[op.type]} is already in progress.`,
  );
}

export type NewestOperation = {
  id: string;
  type: OperationType;
  status: OperationStatus;
  error: { stepTitle?: string } | null;
  params: Record<string, unknown> | null;
  previous: { settings: InstallSettings; plan: EnvironmentPlan } | null;
};

export async function newestOperation(tx: EngineTx, environmentId: string): Promise<NewestOperation | undefined> {
  const { rows } = await tx.client.query<NewestOperation>(
    `SELECT id, type, status, error, params, previous FROM operation WHERE "environmentId" = $1 ORDER BY seq DESC LIMIT 1`,
    [environmentId],
  );
  return rows[0];
}

/** The environment's newest operation when it is a day-2 change that failed (the cluster is still running). */
export async function failedChange(tx: EngineTx, environmentId: string): Promise<NewestOperation | undefined> {
  const op = await newestOperation(tx, environmentId);
  return op && op.status === "failed" && isChangeType(op.type) ? op : undefined;
}

export async function moveEnvironment(
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
