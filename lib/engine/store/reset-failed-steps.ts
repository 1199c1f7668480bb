import type { EngineTx } from "./engine-transaction";
import { assertStepMoves } from "./transition";

// A set-based move (one UPDATE), not one by one through transition(): the table must allow it.
assertStepMoves(["failed"], "pending");

/**
 * Puts an operation's failed steps back to pending with fresh attempts, ready at once (Retry), and records a
 * step.pending event for each (house rule 7). Returns how many steps it reset.
 */
export async function resetFailedSteps(
  tx: EngineTx,
  r: { operationId: string; environmentId: string; actorId: string | null; now: Date },
): Promise<number> {
  const { rows } = await tx.client.query<{ key: string; title: string; position: number }>(
    `UPDATE step SET status = 'pending', attempts = 0, "availableAt" = $2, "finishedAt" = NULL
      WHERE "operationId" = $1 AND status = 'failed'
      RETURNING key, title, position`,
    [r.operationId, r.now],
  );
  // RETURNING has no order; events follow the graph's.
  for (const s of rows.sort((a, b) => Number(a.position) - Number(b.position))) {
    tx.event({
      environmentId: r.environmentId,
      type: "step.pending",
      message: `${s.title}: to be run again (Retry).`,
      operationId: r.operationId,
      stepKey: s.key,
      actorId: r.actorId,
      at: r.now,
      data: { from: "failed" },
    });
  }
  return rows.length;
}
