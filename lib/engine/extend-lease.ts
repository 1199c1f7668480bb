import type Database from "better-sqlite3";
import { sqliteTime } from "@/lib/sqlite";
import { statement } from "./statement";

/** Extends a held lease to cover the step's whole expected duration; false if the lease is no longer ours. */
export function extendLease(conn: Database.Database, stepId: string, owner: string, until: Date): boolean {
  return (
    statement(conn, "UPDATE step SET leaseExpiresAt = ? WHERE id = ? AND leaseOwner = ? AND status = 'running'")
      .run(sqliteTime(until), stepId, owner).changes === 1
  );
}
