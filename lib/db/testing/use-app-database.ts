import crypto from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./create-test-database";

/**
 * For tests of code that reads its configuration from the environment (lib/env.ts) and uses the app's own pool:
 * before all tests of the file, a database of their own with fresh secrets and `env` on top; after them, the
 * app's pool closed and the database dropped. Read `app.db` inside tests and hooks registered after this call.
 */
export function useAppDatabase(options: { max?: number; env?: Record<string, string> } = {}): {
  readonly db: TestDatabase;
} {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase({ max: options.max ?? 10 });
    Object.assign(process.env, {
      DATABASE_URL: db.url,
      ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
      APP_URL: "http://clusterport.test",
      ...options.env,
    });
  }, 60_000);
  afterAll(async () => {
    const { closeDatabase } = await import("@/lib/db/database");
    await closeDatabase();
    await db?.cleanup();
  });
  return {
    get db() {
      if (!db) throw new Error("useAppDatabase: the database exists only once its beforeAll has run");
      return db;
    },
  };
}
