import type { EngineTx } from "./engine-transaction";

/** The environment's machines not yet removed, in node order. */
export async function findLiveMachines(
  tx: EngineTx,
  environmentId: string,
): Promise<{ nodeId: string; nodeGroup: string }[]> {
  const { rows } = await tx.client.query<{ nodeId: string; nodeGroup: string }>(
    `SELECT "nodeId", "nodeGroup" FROM sim_machine WHERE "environmentId" = $1 AND state <> 'removed' ORDER BY "nodeId"`,
    [environmentId],
  );
  return rows;
}
