// Starts real embedded PostgreSQL servers in a temporary directory. initdb runs once (about 2 s); the other
// cases start on copies of that directory.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkDatabase } from "./describe-database-error";
import {
  DatabaseStartError,
  findRunningEmbeddedPostgres,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from "./embedded-postgres";

let root: string;
let template: string;
const started: EmbeddedPostgres[] = [];

async function start(dataDir: string, port?: number) {
  const log: string[] = [];
  const server = await startEmbeddedPostgres({ dataDir, port, log: (line) => log.push(line) });
  started.push(server);
  return { server, log };
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of the initialised template; `cp -a` keeps the ownership (the postgres user's when we run as root). */
function copyOfTemplate(name: string): string {
  fs.mkdirSync(path.join(root, name));
  execFileSync("cp", ["-a", path.dirname(template), path.join(root, name, "data")]);
  return path.join(root, name, "data", "postgres");
}

const pidOf = (dataDir: string) => Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startError(dataDir: string, port?: number): Promise<unknown> {
  return startEmbeddedPostgres({ dataDir, port }).then(
    (server) => {
      started.push(server);
      return undefined;
    },
    (e: unknown) => e,
  );
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-pg-"));
  fs.chmodSync(root, 0o755); // as root, the server runs as the postgres user, who must reach the directory
  template = path.join(root, "template", "data", "postgres");
});

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
  fs.rmSync(root, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", { timeout: 20_000 }, () => {
  it("creates the database on the first start, accepts queries, and stops", async () => {
    const { server, log } = await start(template);
    expect(log).toContain(`Creating a new PostgreSQL 18 database in ${template}…`);
    expect(server.url).toBe(
      `postgres://clusterport:${fs.readFileSync(path.join(root, "template", "data", "postgres-password"), "utf8").trim()}@127.0.0.1:${server.port}/clusterport`,
    );
    expect(fs.statSync(path.join(root, "template", "data", "postgres-password")).mode & 0o777).toBe(0o600);
    await query(server.url, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
    expect(await query(server.url, "SELECT current_database() AS db")).toEqual([{ db: "clusterport" }]);
    expect(findRunningEmbeddedPostgres(template)).toEqual({ url: server.url, port: server.port });

    await server.stop();
    expect(findRunningEmbeddedPostgres(template)).toBeUndefined();
    expect(fs.existsSync(path.join(template, "postmaster.pid"))).toBe(false);
    expect(fs.readFileSync(path.join(root, "template", "data", "postgres.log"), "utf8")).toContain(
      "database system is shut down",
    );
  });

  it("reuses the data directory on the next start", async () => {
    const { server, log } = await start(template);
    expect(log).toEqual([]);
    expect(await query(server.url, "SELECT x FROM kept")).toEqual([{ x: 42 }]);
    await server.stop();
  });

  it("stops a server an earlier start left running, then starts afresh", async () => {
    const dataDir = copyOfTemplate("left-running");
    await start(dataDir); // never stopped, as after a crash of npm start
    const leftPid = pidOf(dataDir);

    const { server, log } = await start(dataDir);
    expect(log[0]).toBe(`Stopping the PostgreSQL server (PID ${leftPid}) an earlier start left running on ${dataDir}…`);
    expect(isAlive(leftPid)).toBe(false);
    expect(await query(server.url, "SELECT x FROM kept")).toEqual([{ x: 42 }]);
    await server.stop();
  });

  it("removes a stale postmaster.pid whose PID is dead or not PostgreSQL", async () => {
    const dataDir = copyOfTemplate("stale-pid");
    const deadPid = spawnSync("true").pid!;
    for (const pid of [deadPid, process.pid]) {
      fs.writeFileSync(
        path.join(dataDir, "postmaster.pid"),
        `${pid}\n${dataDir}\n1764000000\n5432\n\n127.0.0.1\n  0  0\nready\n`,
      );
      const { server, log } = await start(dataDir);
      expect(log[0]).toBe(`Removing a stale postmaster.pid (PID ${pid} is not running PostgreSQL) from ${dataDir}.`);
      expect(await query(server.url, "SELECT x FROM kept")).toEqual([{ x: 42 }]);
      await server.stop();
    }
  });

  it("refuses a busy EMBEDDED_POSTGRES_PORT with one sentence", async () => {
    const busy = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => busy.once("listening", resolve));
    const { port } = busy.address() as net.AddressInfo;
    try {
      const error = await startError(template, port);
      expect(error).toBeInstanceOf(DatabaseStartError);
      expect((error as Error).message).toBe(
        `Port ${port} for the embedded PostgreSQL is already in use; free it, or set EMBEDDED_POSTGRES_PORT to another port (or leave it unset to pick a free one).`,
      );
    } finally {
      busy.close();
    }
  });

  it("refuses a data directory of another PostgreSQL major version", async () => {
    const dataDir = copyOfTemplate("pg15");
    fs.writeFileSync(path.join(dataDir, "PG_VERSION"), "15\n");
    const error = await startError(dataDir);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toBe(
      `${dataDir} holds a PostgreSQL 15 database; this Clusterport bundles PostgreSQL 18. Upgrade it with pg_upgrade, or move the directory away to start afresh.`,
    );
  });

  it("names the log when postgres exits during start-up", async () => {
    const dataDir = copyOfTemplate("bad-config");
    fs.appendFileSync(path.join(dataDir, "postgresql.conf"), "no_such_setting = 1\n");
    const error = await startError(dataDir);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(
      /^The embedded PostgreSQL server failed to start \(.*FATAL: .*\); see .*\/bad-config\/data\/postgres\.log for details\.$/,
    );
  });
});

describe("checkDatabase against a real server", { timeout: 20_000 }, () => {
  let url: URL;
  beforeAll(async () => {
    url = new URL((await start(copyOfTemplate("check"))).server.url);
  });

  it("accepts the server", async () => {
    await expect(checkDatabase(url.href)).resolves.toBeUndefined();
  });

  it("names a wrong password without showing it", async () => {
    const wrong = new URL(url);
    wrong.password = "not-the-password";
    await expect(checkDatabase(wrong.href)).rejects.toThrow(
      new DatabaseStartError(
        `PostgreSQL at 127.0.0.1:${url.port} rejected the password for user "clusterport"; correct the user name or password in DATABASE_URL.`,
      ),
    );
  });

  it("names a missing database", async () => {
    const missing = new URL(url);
    missing.pathname = "/nope";
    await expect(checkDatabase(missing.href)).rejects.toThrow(
      `The database "nope" does not exist on 127.0.0.1:${url.port}; create it (createdb nope) or correct the database name in DATABASE_URL.`,
    );
  });

  it("refuses a server older than PostgreSQL 15", async () => {
    const spy = vi
      .spyOn(pg.Client.prototype, "query")
      .mockResolvedValueOnce({ rows: [{ num: 140_011, version: "14.11" }] } as never);
    try {
      await expect(checkDatabase(url.href)).rejects.toThrow(
        `PostgreSQL at 127.0.0.1:${url.port} is version 14.11; Clusterport needs PostgreSQL 15 or newer, so upgrade it or point DATABASE_URL at a newer server.`,
      );
    } finally {
      spy.mockRestore();
    }
  });
});
