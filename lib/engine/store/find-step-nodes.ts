import type { EngineTx } from "./engine-transaction";

/** The nodes an operation's steps of that name act on, in node order. */
export async function findStepNodes(tx: EngineTx, operationId: string, name: string): Promise<string[]> {
  const { rows } = await tx.client.query<{ node: string }>(
    `SELECT node FROM step WHERE "operationId" = $1 AND name = $2 ORDER BY node`,
    [operationId, name],
  );
  return rows.map((r) => r.node);
}
