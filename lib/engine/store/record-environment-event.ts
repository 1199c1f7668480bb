import type { Pool } from "@/lib/db/pool";
import { engineTransaction } from "./engine-transaction";

/**
 * An event in an environment's history from outside its operations (the autoscaler's decisions not to act),
 * shown live in its Activity. Not written when the newest event of the same type says the same: a decision
 * repeated on every pass is told once.
 */
export async function recordEnvironmentEvent(
  pool: Pool,
  e: { environmentId: string; type: string; message: string; now: Date },
): Promise<boolean> {
  return engineTransaction(pool, async (tx) => {
    const { rows } = await tx.client.query<{ message: string }>(
      `SELECT message FROM environment_event WHERE "environmentId" = $1 AND type = $2 ORDER BY seq DESC LIMIT 1`,
      [e.environmentId, e.type],
    );
    if (rows[0]?.message === e.message) return false;
    tx.event({ environmentId: e.environmentId, type: e.type, message: e.message, at: e.now });
    return true;
  });
}
