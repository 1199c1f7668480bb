import type { EngineTx } from "./engine-transaction";
import { assertStepMoves } from "./transition";

// A set-based move (one UPDATE), not one by one through transition(): the table must allow it.
assertStepMoves(["pending", "retrying", "running"], "cancelled");

/**
 * Cancels every unfinished step of an operation, releases their leases, and records a step.cancelled event for
 * each (house rule 7: no transition without its event). The locking read waits for steps being recorded right
 * now and sees the state they committed; after it, none of the operation's steps can commit. Returns how many
 * steps it cancelled.
 */
export async function cancelUnfinishedSteps(
  tx: EngineTx,
  c: { operationId: string; environmentId: string; actorId: string | null; now: Date },
): Promise<number> {
  const { rows } = await tx.client.query<{ key: string; title: string; from: string; position: number }>(
    `WITH unfinished AS (
       SELECT id, status FROM step WHERE "operationId" = $1 AND status IN ('pending', 'retrying', 'running') FOR UPDATE)
     UPDATE step s SET status = 'cancelled', "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "finishedAt" = $2
       FROM unfinished u
      WHERE s.id = u.id
      RETURNING s.key, s.title, u.status AS "from", s.position`,
    [c.operationId, c.now],
  );
  // RETURNING has no order; events follow the graph's.
  for (const r of rows.sort((a, b) => Number(a.position) - Number(b.position))) {
    tx.event({
      environmentId: c.environmentId,
      type: "step.cancelled",
      message: `${r.title}: cancelled.`,
      operationId: c.operationId,
      stepKey: r.key,
      actorId: c.actorId,
      at: c.now,
      data: { from: r.from },
    });
  }
  return rows.length;
}
