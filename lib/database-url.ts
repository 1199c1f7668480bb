import fs from "node:fs";
import path from "node:path";

export const defaultDatabaseUrl = "file:./data/clusterport.db";

/**
 * The SQLite database URL (DATABASE_URL, default ./data/clusterport.db). Also makes sure the directory of a
 * file database exists, so a fresh clone starts without manual steps. Shared by prisma.config.ts, the app
 * and scripts, so all of them open the same file.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL?.trim() || defaultDatabaseUrl;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL such as ${defaultDatabaseUrl}; got "${url}".`);
  }
  const file = url.slice("file:".length);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  process.env.DATABASE_URL = url;
  return url;
}
