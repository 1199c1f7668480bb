import type Database from "better-sqlite3";

/** Frees the environment's name (in its region and for its owner) and, being terminal, its quota share. */
export function releaseEnvironmentClaims(conn: Database.Database, environmentId: string): void {
  conn.prepare("UPDATE environment SET regionClaim = NULL, ownerClaim = NULL WHERE id = ?").run(environmentId);
}
