import type Database from "better-sqlite3";

/**
 * Teardown only: deletes every environment_secret row of the environment, including names no step knows
 * (SecretStore has no list operation). Returns how many rows went.
 */
export function purgeEnvironmentSecrets(conn: Database.Database, environmentId: string): number {
  return conn.prepare("DELETE FROM environment_secret WHERE environmentId = ?").run(environmentId).changes;
}
