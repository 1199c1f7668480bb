import type { OperationType } from "../operation-states";
import type { EngineTx } from "./engine-transaction";

/** The environment's newest failed operation, if any. */
export async function getFailedOperation(
  tx: EngineTx,
  environmentId: string,
): Promise<{ id: string; type: OperationType } | undefined> {
  const { rows } = await tx.client.query<{ id: string; type: OperationType }>(
    `SELECT id, type FROM operation WHERE "environmentId" = $1 AND status = 'failed' ORDER BY seq DESC LIMIT 1`,
    [environmentId],
  );
  return rows[0];
}
