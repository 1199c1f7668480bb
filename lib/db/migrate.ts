import fs from "node:fs";
import path from "node:path";
import { runner } from "node-pg-migrate";
import type { Pool } from "./pool";

export const migrationsDir = path.join(process.cwd(), "prisma", "migrations");
const migrationsTable = "pgmigrations";

/**
 * Applies the pending SQL migrations (prisma/migrations/*.sql, generated from schema.prisma) with node-pg-migrate,
 * all in one transaction. Several processes may start at once: each waits on PostgreSQL's advisory lock
 * (`advisoryLockMode: "wait"`) and the later ones find nothing left to do, so a web server can (re)start while
 * workers run. Returns the names applied.
 */
export async function migrate(databaseUrl: string, log: (message: string) => void = () => {}): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: migrationsDir,
    direction: "up",
    migrationsTable,
    singleTransaction: true,
    checkOrder: true,
    advisoryLockMode: "wait",
    log,
  });
  return applied.map((m) => m.name);
}

/** Migration files not yet applied to the database (the health check's "migrations current"). */
export async function pendingMigrations(pool: Pool): Promise<string[]> {
  const files = migrationFiles();
  const exists = await pool.query<{ table: string | null }>("SELECT to_regclass($1) AS table", [migrationsTable]);
  if (!exists.rows[0]?.table) return files;
  const done = new Set(
    (await pool.query<{ name: string }>(`SELECT name FROM ${migrationsTable}`)).rows.map((r) => r.name),
  );
  return files.filter((f) => !done.has(f));
}

let cachedFiles: string[] | undefined;

function migrationFiles(): string[] {
  cachedFiles ??= fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith(".sql"))
    .map((f) => f.slice(0, -".sql".length))
    .sort();
  return cachedFiles;
}
