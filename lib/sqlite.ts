import Database from "better-sqlite3";
import { env } from "./env";

const holder = globalThis as unknown as { __sqlite?: Database.Database };

/**
 * A direct better-sqlite3 connection for synchronous transactions (`sqlite().transaction(fn).immediate()`):
 * a synchronous transaction cannot interleave with other work in this process, and IMMEDIATE takes the write
 * lock up front so that concurrent processes wait (busy_timeout) instead of failing half-way.
 */
export function sqlite(): Database.Database {
  if (!holder.__sqlite) {
    const conn = new Database(env().databaseUrl.slice("file:".length), { timeout: 5000 });
    conn.pragma("journal_mode = WAL");
    conn.pragma("synchronous = NORMAL");
    conn.pragma("foreign_keys = ON");
    holder.__sqlite = conn;
  }
  return holder.__sqlite;
}

/**
 * Timestamps are stored as ISO-8601 text exactly as the Prisma adapter writes them ("…T20:00:00.000+00:00"),
 * so raw rows and Prisma rows compare and sort alike.
 */
export function sqliteTime(at: Date = new Date()): string {
  return at.toISOString().replace("Z", "+00:00");
}
