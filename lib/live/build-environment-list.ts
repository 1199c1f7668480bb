import type Database from "better-sqlite3";
import { statement } from "@/lib/engine/statement";
import { toEnvironmentSummary, type EnvironmentSummary, type SummaryRow } from "@/lib/data/environment-dto";

export type EnvironmentListItem = EnvironmentSummary & {
  /** The current operation: its type and the share of its estimated work done (0–100), if one exists. */
  operation: { type: string; status: string; progress: number } | null;
};

/** The account's environments, newest first, with each one's live progress. One synchronous read. */
export function buildEnvironmentList(conn: Database.Database, userId: string): EnvironmentListItem[] {
  const rows = statement(
    conn,
    `SELECT e.id, e.name, e.displayName, e.domain, e.region, e.status, e.settings, e.plan, e.createdAt,
            o.type AS opType, o.status AS opStatus,
            (SELECT SUM(estimatedMs) FROM step WHERE operationId = o.id) AS total,
            (SELECT SUM(estimatedMs) FROM step WHERE operationId = o.id AND status = 'succeeded') AS done
       FROM environment e
       LEFT JOIN operation o ON o.id = (SELECT id FROM operation WHERE environmentId = e.id ORDER BY createdAt DESC, rowid DESC LIMIT 1)
      WHERE e.userId = ?
      ORDER BY e.createdAt DESC`,
  ).all(userId) as (SummaryRow & {
    opType: string | null;
    opStatus: string | null;
    total: number | null;
    done: number | null;
  })[];
  return rows.map((r) => ({
    ...toEnvironmentSummary(r),
    operation:
      r.opType && r.opStatus
        ? { type: r.opType, status: r.opStatus, progress: r.total ? Math.round(((r.done ?? 0) / r.total) * 100) : 0 }
        : null,
  }));
}
