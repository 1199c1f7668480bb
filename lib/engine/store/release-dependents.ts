import type { EngineTx } from "./engine-transaction";

/** Counts a succeeded step off its dependents' pending dependencies, in the transaction's batch (which checks each row). */
export function releaseDependents(tx: EngineTx, operationId: string, dependents: readonly string[]): void {
  if (dependents.length === 0) return;
  const batch = tx.batch;
  if (!batch) throw new Error("releaseDependents runs in a batched transaction.");
  batch.add(
    `UPDATE step SET "pendingDeps" = "pendingDeps" - 1 WHERE "operationId" = ${batch.param(operationId)} AND key = ANY(${batch.param(dependents)}::text[]) RETURNING 1`,
    dependents.length,
  );
}
