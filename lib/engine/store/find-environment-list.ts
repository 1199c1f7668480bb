import type { Pool } from "@/lib/db/pool";
import { environmentColumns, type EnvironmentRecord } from "./environment-record";

export type EnvironmentListRow = EnvironmentRecord & {
  /** The newest operation: its type, status and share of its estimated work done (0–100). */
  operation: { type: string; status: string; progress: number } | null;
};

/** The account's environments, newest first, each with its newest operation's progress. One statement. */
export async function findEnvironmentList(pool: Pool, userId: string): Promise<EnvironmentListRow[]> {
  const { rows } = await pool.query<
    EnvironmentRecord & { opType: string | null; opStatus: string | null; total: number | null; done: number | null }
  >(
    `SELECT ${environmentColumns.replace(/(^|, )/g, "$1e.")}, o.type AS "opType", o.status AS "opStatus", p.total, p.done
       FROM environment e
       LEFT JOIN LATERAL (SELECT id, type, status FROM operation WHERE "environmentId" = e.id ORDER BY seq DESC LIMIT 1) o ON true
       LEFT JOIN LATERAL (SELECT SUM("estimatedMs")::float8 AS total, SUM("estimatedMs") FILTER (WHERE status = 'succeeded')::float8 AS done
                            FROM step WHERE "operationId" = o.id) p ON true
      WHERE e."userId" = $1
      ORDER BY e."createdAt" DESC`,
    [userId],
  );
  return rows.map(({ opType, opStatus, total, done, ...record }) => ({
    ...record,
    operation:
      opType && opStatus
        ? { type: opType, status: opStatus, progress: total ? Math.round(((done ?? 0) / total) * 100) : 0 }
        : null,
  }));
}
