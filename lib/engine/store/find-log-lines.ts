import type { Pool } from "@/lib/db/pool";

export type LogLineRecord = { seq: number; at: Date; level: "info" | "warn" | "error"; stepKey: string | null; node: string | null; message: string };

/** Log lines of an environment after sequence number `after`, oldest first, at most `limit`. */
export async function findLogLines(pool: Pool, environmentId: string, after = 0, limit = 5000): Promise<LogLineRecord[]> {
  const { rows } = await pool.query<LogLineRecord>(
    `SELECT seq, at, level, "stepKey", node, message FROM log_line WHERE "environmentId" = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [environmentId, after, limit],
  );
  return rows;
}
