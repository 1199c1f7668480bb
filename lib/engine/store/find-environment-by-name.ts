import type { Pool } from "@/lib/db/pool";
import { activeEnvironmentStatuses } from "@/lib/environments/environment-status";
import { environmentColumns, type EnvironmentRecord } from "./environment-record";

/**
 * One of the account's environments by name: the one holding the name, else the newest that ended. Anyone
 * else's environment is not found, whatever its name, so names do not leak.
 */
export async function findEnvironmentByName(
  pool: Pool,
  userId: string,
  name: string,
): Promise<EnvironmentRecord | undefined> {
  const { rows } = await pool.query<EnvironmentRecord>(
    `SELECT ${environmentColumns} FROM environment WHERE "userId" = $1 AND name = $2
      ORDER BY (status = ANY($3::text[])) DESC, "createdAt" DESC LIMIT 1`,
    [userId, name, activeEnvironmentStatuses],
  );
  return rows[0];
}
