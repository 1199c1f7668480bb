import type Database from "better-sqlite3";
import { statement } from "./statement";

/** Frees the environment's name (in its region and for its owner) and, being terminal, its quota share. */
export function releaseEnvironmentClaims(conn: Database.Database, environmentId: string): void {
  statement(conn, "UPDATE environment SET regionClaim = NULL, ownerClaim = NULL WHERE id = ?").run(environmentId);
}
