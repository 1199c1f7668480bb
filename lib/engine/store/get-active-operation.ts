import type { OperationStatus, OperationType } from "../operation-states";
import type { EngineTx } from "./engine-transaction";

/** The environment's queued or running operation (there is at most one). */
export async function getActiveOperation(
  tx: EngineTx,
  environmentId: string,
): Promise<{ id: string; type: OperationType; status: OperationStatus } | undefined> {
  const { rows } = await tx.client.query<{ id: string; type: OperationType; status: OperationStatus }>(
    `SELECT id, type, status FROM operation WHERE "environmentId" = $1 AND status IN ('queued', 'running') LIMIT 1`,
    [environmentId],
  );
  return rows[0];
}
