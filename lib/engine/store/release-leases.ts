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
