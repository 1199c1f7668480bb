import type { Pool } from "@/lib/db/pool";

export type LogLineRecord = {
  seq: number;
  at: Date;
  level: "info" | "warn" | "error";
  stepKey: string | null;
  node: string | null;
  message: string;
};

/**
 * Log lines of an environment, oldest first: at most `limit` after line `after` (following a live log), or,
 * with `before`, the last `limit` before that line (reading back from the newest).
 */
export async function findLogLines(
  pool: Pool,
  environmentId: string,
  range: { after?: number; before?: number; limit?: number } = {},
): Promise<LogLineRecord[]> {
  const limit = range.limit ?? 5000;
  if (range.before !== undefined) {
    const { rows } = await pool.query<LogLineRecord>(
      `SELECT * FROM (SELECT seq, at, level, "stepKey", node, message FROM log_line WHERE "environmentId" = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3) l
        ORDER BY seq`,
      [environmentId, range.before, limit],
    );
    return rows;
  }
  const { rows } = await pool.query<LogLineRecord>(
    `SELECT seq, at, level, "stepKey", node, message FROM log_line WHERE "environmentId" = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [environmentId, range.after ?? 0, limit],
  );
  return rows;
}
