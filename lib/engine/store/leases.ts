import type { Pool } from "@/lib/db/pool";

/**
 * A stopping runner gives back the steps it has not started recording: their leases expire now, so any other
 * runner takes them over at once (as it would after a crash, without the wait).
 */
export async function releaseLeases(pool: Pool, stepIds: readonly string[], owner: string, now: Date): Promise<number> {
  if (stepIds.length === 0) return 0;
  const { rowCount } = await pool.query(
    `UPDATE step SET "leaseExpiresAt" = $3 WHERE id = ANY($1::text[]) AND "leaseOwner" = $2 AND status = 'running'`,
    [stepIds, owner, now],
  );
  return rowCount ?? 0;
}

/**
 * When work that is not claimable now will be: a retry's backoff ending, a step scheduled for later, or
 * another runner's lease expiring. Undefined when no active operation has such work.
 */
export async function nextWakeUp(pool: Pool): Promise<Date | undefined> {
  const { rows } = await pool.query<{ at: Date | null }>(
    `SELECT MIN(CASE WHEN s.status = 'running' THEN s."leaseExpiresAt" ELSE s."availableAt" END) AS at
       FROM step s JOIN operation o ON o.id = s."operationId"
      WHERE o.status IN ('queued', 'running')
        AND (s.status IN ('retrying', 'running') OR (s.status = 'pending' AND s."pendingDeps" = 0))`,
  );
  return rows[0]?.at ?? undefined;
}
