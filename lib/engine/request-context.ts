import type { Pool } from "@/lib/db/pool";
import { isEnvironmentStatus, type EnvironmentStatus } from "@/lib/environments/environment-status";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { oneActiveOperationIndex } from "./create-operation";
import { isChangeType, operationLabels } from "./operation-states";
import { engineTransaction, type EngineTx } from "./store/engine-transaction";
import { getActiveOperation } from "./store/get-active-operation";
import { getNewestOperation, type NewestOperation } from "./store/get-newest-operation";
import { getRequestEnvironment, type RequestEnvironmentRow } from "./store/get-request-environment";
import { transition } from "./store/transition";

/** What every request carries: the environment (already checked to be the caller's), who asks, and when. */
export type Request = { environmentId: string; actorId: string | null; now: Date };

export const changedMeanwhile = () => new ConflictError("The environment changed meanwhile. Reload and try again.");

/** An engine transaction whose lost race for the environment's one active operation is a conflict in words. */
export async function request(pool: Pool, fn: (tx: EngineTx) => Promise<string>): Promise<string> {
  try {
    return await engineTransaction(pool, fn);
  } catch (e) {
    if (
      (e as { code?: string; constraint?: string }).code === "23505" &&
      (e as { constraint?: string }).constraint === oneActiveOperationIndex
    ) {
      throw new ConflictError("Another operation on this environment has just started; wait until it ends.");
    }
    throw e;
  }
}

export type EnvironmentRow = Omit<RequestEnvironmentRow, "status"> & { status: EnvironmentStatus };

export async function environmentOf(tx: EngineTx, id: string): Promise<EnvironmentRow> {
  const row = await getRequestEnvironment(tx, id);
  if (!row) throw new NotFoundError();
  if (!isEnvironmentStatus(row.status)) throw new Error(`Environment ${id} has an unknown status "${row.status}".`);
  return { ...row, status: row.status };
}

/** One operation at a time: a second request is refused with the name of the one in progress. */
export async function assertIdle(tx: EngineTx, environmentId: string, action: "delete" | "change"): Promise<void> {
  const op = await getActiveOperation(tx, environmentId);
  if (!op) return;
  if (action === "delete" && op.type === "install")
    throw new ConflictError("An install is in progress: cancel it first, or wait until it ends.");
  throw new ConflictError(
    action === "change"
      ? `${operationLabels[op.type]} is in progress; make this change once it has ended.`
      : `${operationLabels[op.type]} is already in progress.`,
  );
}

/** The environment's newest operation when it is a day-2 change that failed (the cluster is still running). */
export async function failedChange(tx: EngineTx, environmentId: string): Promise<NewestOperation | undefined> {
  const op = await getNewestOperation(tx, environmentId);
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
