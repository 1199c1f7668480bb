import type { EngineTx } from "./engine-transaction";
import { assertStepMoves } from "./transition";

// A set-based move (one UPDATE), not one by one through transition(): the table must allow it.
assertStepMoves(["pending", "retrying", "running"], "cancelled");

/**
 * Cancels every unfinished step of an operation and releases their leases. Waits for steps being recorded
 * right now; after it, none of the operation's steps can commit.
 */
export async function cancelUnfinishedSteps(tx: EngineTx, operationId: string, now: Date): Promise<void> {
  await tx.client.query(
    `UPDATE step SET status = 'cancelled', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "finishedAt" = $2
      WHERE "operationId" = $1 AND status IN ('pending', 'retrying', 'running')`,
    [operationId, now],
  );
}
