import type { EngineTx } from "./engine-transaction";

/** The output of an operation's step of that name (a step name that occurs once, such as check-health). */
export async function getStepOutput<T>(tx: EngineTx, operationId: string, name: string): Promise<T | undefined> {
  const { rows } = await tx.client.query<{ output: T | null }>(
    `SELECT output FROM step WHERE "operationId" = $1 AND name = $2`,
    [operationId, name],
  );
  return rows[0]?.output ?? undefined;
}
