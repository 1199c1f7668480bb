import type { Pool } from "@/lib/db/pool";

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
