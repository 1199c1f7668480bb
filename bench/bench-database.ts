import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { createPool, type Pool } from "@/lib/db/pool";

export type BenchDatabase = { url: string; pool: Pool; cleanup(): Promise<void> };

/**
 * A fresh, migrated database for a benchmark: on BENCH_DATABASE_URL's server when set (a database named
 * bench_<time> is created there and dropped after), else on an embedded PostgreSQL in a temp directory.
 */
export async function benchDatabase(poolMax = 40): Promise<BenchDatabase> {
  let server: EmbeddedPostgres | undefined;
  let dir: string | undefined;
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-bench-"));
    fs.chmodSync(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres") });
    serverUrl = server.url;
  }
  const name = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrate(url);
  const pool = createPool(url, { max: poolMax });
  return {
    url,
    pool,
    async cleanup() {
      await pool.end();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      await server?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
