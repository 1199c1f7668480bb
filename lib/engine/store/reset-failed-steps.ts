import type { EngineTx } from "./engine-transaction";
import { assertStepMoves } from "./transition";

// A set-based move (one UPDATE), not one by one through transition(): the table must allow it.
assertStepMoves(["failed"], "pending");

/** Puts an operation's failed steps back to pending with fresh attempts, ready at once (Retry). */
export async function resetFailedSteps(tx: EngineTx, operationId: string, now: Date): Promise<void> {
  await tx.client.query(
    `UPDATE step SET status = 'pending', attempts = 0, "availableAt" = $2, "finishedAt" = NULL WHERE "operationId" = $1 AND status = 'failed'`,
    [operationId, now],
  );
}
