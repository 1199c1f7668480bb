// Vitest global setup: ONE embedded PostgreSQL for the whole run, and a template database with every
// migration applied. Each test file (or test) copies the template into a database of its own
// (createTestDatabase), which takes a few milliseconds and isolates it completely.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded-postgres";
import { migrate } from "../migrate";

export const templateDatabase = "clusterport_template";

let server: EmbeddedPostgres | undefined;
let dir: string | undefined;

export async function setup(): Promise<void> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-vitest-"));
  fs.chmodSync(dir, 0o755);
  server = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres") });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  await admin.end();
  await migrate(withDatabase(server.url, templateDatabase));
  process.env.TEST_DATABASE_URL = server.url;
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
