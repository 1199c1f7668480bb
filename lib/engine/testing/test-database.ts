import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const migrationsDir = path.resolve(__dirname, "../../../prisma/migrations");

/**
 * A real SQLite file in a temp directory with every migration applied, as engine tests require. Returns the
 * open connection (WAL, synchronous NORMAL, foreign keys on, as in lib/sqlite.ts), its URL, and a cleanup function.
 */
export function createTestDatabase(): { conn: Database.Database; url: string; file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-test-"));
  const file = path.join(dir, "test.db");
  const conn = new Database(file, { timeout: 5000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("foreign_keys = ON");
  for (const entry of fs.readdirSync(migrationsDir).sort()) {
    const sql = path.join(migrationsDir, entry, "migration.sql");
    if (fs.existsSync(sql)) conn.exec(fs.readFileSync(sql, "utf8"));
  }
  return {
    conn,
    url: `file:${file}`,
    file,
    cleanup() {
      conn.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Inserts a user (no password) for tests; returns its id. */
export function insertTestUser(conn: Database.Database, id = "user-1", plan = "business"): string {
  const now = new Date().toISOString().replace("Z", "+00:00");
  conn
    .prepare("INSERT INTO user (id, name, email, emailVerified, plan, createdAt, updatedAt) VALUES (?, ?, ?, 0, ?, ?, ?)")
    .run(id, "Test", `${id}@example.test`, plan, now, now);
  return id;
}
