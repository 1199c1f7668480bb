import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsDir, pendingMigrations } from "./migrate";
import { createPool, type Pool } from "./pool";
import { withDatabase } from "./testing/global-setup";

const server = process.env.TEST_DATABASE_URL!;
const name = `empty_${randomBytes(4).toString("hex")}`;
let url: string;
let pool: Pool;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  await c.query(sql);
  await c.end();
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  url = withDatabase(server, name);
  pool = createPool(url);
});
afterAll(async () => {
  await pool.end();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe("migrations", () => {
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => f.endsWith(".sql"))
    .map((f) => f.slice(0, -4))
    .sort();

  it("an empty database has every migration pending (the health check says 503)", async () => {
    expect(files.length).toBeGreaterThan(0);
    expect(await pendingMigrations(pool)).toEqual(files);
  });

  it("three processes starting together apply them once: the others wait on the advisory lock and find nothing to do", async () => {
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 0, files.length]);
    expect(await pendingMigrations(pool)).toEqual([]);
    const { rows } = await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM pgmigrations`);
    expect(Number(rows[0]!.n)).toBe(files.length);
    // The schema is really there: the engine's tables, with the hand-written partial indexes.
    const indexes = await pool.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE indexname = ANY($1)`,
      [["operation_one_active_per_environment", "step_ready_idx", "step_leased_idx"]],
    );
    expect(indexes.rows).toHaveLength(3);
  });
});
