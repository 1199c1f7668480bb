import type Database from "better-sqlite3";
import { statement } from "@/lib/engine/statement";
import type { LogLineView } from "./status-snapshot";

/** Log lines of an environment after `afterId`, oldest first, at most `limit`. */
export function findLogLines(conn: Database.Database, environmentId: string, afterId = 0, limit = 5000): LogLineView[] {
  return (
    statement(
      conn,
      "SELECT id, at, level, stepKey, node, message FROM log_line WHERE environmentId = ? AND id > ? ORDER BY id LIMIT ?",
    ).all(environmentId, afterId, limit) as LogLineView[]
  ).map((l) => ({ ...l, at: new Date(l.at).toISOString() }));
}
