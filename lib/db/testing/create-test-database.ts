import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPool, type Pool } from "../pool";
import { templateDatabase, withDatabase } from "./global-setup";

export type TestDatabase = { pool: Pool; url: string; cleanup(): Promise<void> };

/**
 * A fresh database with every migration applied, copied from the run's template (see global-setup.ts), for
 * tests that need a real PostgreSQL. Dropped again by cleanup().
 */
export async function createTestDatabase(opts: { max?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error("TEST_DATABASE_URL is not set: run the tests with vitest (its global setup starts PostgreSQL).");
  const name = `test_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`);
  const url = withDatabase(serverUrl, name);
  const pool = createPool(url, { max: opts.max ?? 10 });
  return {
    pool,
    url,
    async cleanup() {
      await pool.end();
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Inserts a user (no password) for tests; returns its id. */
export async function insertTestUser(pool: Pool, id = "user-1", plan = "business"): Promise<string> {
  await pool.query(`INSERT INTO "user" (id, name, email, "emailVerified", plan) VALUES ($1, 'Test', $2, false, $3)`, [
    id,
    `${id}@example.test`,
    plan,
  ]);
  return id;
}
