import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import { runEngineUntilIdle } from "@/lib/engine/testing/run-engine-until-idle";
import { checkDatabase } from "./describe-database-error";
import { migrate } from "./migrate";
import { createPool, type Pool } from "./pool";
import { insertTestUser } from "./testing/create-test-database";

/**
 * DATABASE_URL may name any PostgreSQL 15 or newer; the suite itself runs on the embedded 18. This proves the
 * oldest supported major version with Debian's PostgreSQL 15 server (`apt-get install postgresql-15`, which
 * CI installs): migrations apply and an install runs to the end. Skipped, saying why, where it is missing.
 */
const bin = "/usr/lib/postgresql/15/bin";
const available = fs.existsSync(path.join(bin, "postgres"));
if (!available) console.warn(`Skipping the PostgreSQL 15 test: no server at ${bin} (apt-get install postgresql-15).`);

const asRoot = process.getuid?.() === 0;
let dir: string;
let url: string;
let pool: Pool | undefined;

/** Runs a PostgreSQL program, as the postgres system user when we are root (PostgreSQL refuses root). */
function run(program: string, args: string[]) {
  const command = asRoot ? "runuser" : path.join(bin, program);
  execFileSync(command, asRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args, { stdio: "pipe" });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!available)("an external PostgreSQL 15 server", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-pg15-"));
    fs.chmodSync(dir, 0o755);
    if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
    const port = await freePort();
    run("initdb", ["-D", path.join(dir, "data"), "-U", "clusterport", "--auth=trust", "--encoding=UTF8", "--locale=C"]);
    run("pg_ctl", [
      "-D",
      path.join(dir, "data"),
      "-l",
      path.join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`,
      "start",
    ]);
    const admin = new pg.Client({ connectionString: `postgres://clusterport@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query("CREATE DATABASE clusterport");
    await admin.end();
    url = `postgres://clusterport@127.0.0.1:${port}/clusterport`;
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    try {
      run("pg_ctl", ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is accepted, migrated, and runs an install to Running", async () => {
    await checkDatabase(url);
    expect(await migrate(url)).not.toEqual([]);
    pool = createPool(url);
    expect((await pool.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version).toMatch(
      /^15\./,
    );
    const userId = await insertTestUser(pool);
    const { environmentId } = await insertTestEnvironment(pool, {
      userId,
      settings: { topology: "production", workers: 2 },
    });
    await runEngineUntilIdle(pool, { encryptionKey: crypto.randomBytes(32).toString("base64") });
    expect(
      (await pool.query<{ status: string }>(`SELECT status FROM environment WHERE id = $1`, [environmentId])).rows[0]!
        .status,
    ).toBe("running");
  });
});
