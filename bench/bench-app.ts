// Shared by bench:live and bench:http: the app started exactly as `npm start` starts it (scripts/start.ts
// --fresh: its own embedded PostgreSQL under DATA_DIR, recreated every run, migrations, the demo account, a
// build when sources changed, then scripts/serve.ts), on a port of its own, and the requests the benchmarks
// need (sign-in, create an environment, wait for its status).
//
// The app's output (build included) goes to DATA_DIR/app.log; its last lines are shown if it fails to start.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.join(__dirname, "..");

const demo = { email: "demo@clusterport.dev", password: "clusterport-demo" } as const;

export type BenchApp = {
  base: string;
  /** DATA_DIR relative to the repository. */
  dataDir: string;
  logFile: string;
  /** PID of scripts/start.ts (the web server is its child). */
  pid: number;
  /** SIGTERM, then waits until start.ts has exited (it stops its embedded PostgreSQL after the web server). */
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * PIDs of `next build` processes working in this repository (Linux: /proc; elsewhere none are found). Two
 * builds into the same .next would break each other, and start.ts builds whenever sources changed.
 */
function nextBuildsRunning(): number[] {
  if (process.platform !== "linux") return [];
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const isNextBuild = args.some((a) => /(^|\/)next(\/dist\/bin\/next)?$/.test(a)) && args.includes("build");
      if (isNextBuild && fs.realpathSync(`/proc/${entry}/cwd`) === fs.realpathSync(root)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * Starts `node --import tsx scripts/start.ts --fresh` with DATA_DIR=.e2e/bench/<name> and PORT=`port`, and
 * resolves once GET /api/health answers 200 (database reachable, migrations current). The benchmark process
 * stops the app on its own exit, Ctrl-C included.
 */
export async function startBenchApp(opts: {
  name: string;
  port: number;
  env?: Record<string, string>;
}): Promise<BenchApp> {
  const base = `http://localhost:${opts.port}`;
  if (!(await portIsFree(opts.port))) {
    throw new Error(`Port ${opts.port} is in use (another app?); set BENCH_PORT to a free port.`);
  }
  for (let builds = nextBuildsRunning(), waited = 0; builds.length > 0; builds = nextBuildsRunning()) {
    if (waited++ === 0)
      console.log(
        `Another \`next build\` (PID ${builds.join(", ")}) is running in this repository; waiting for it to finish …`,
      );
    await sleep(2_000);
  }
  const dataDir = path.join(".e2e", "bench", opts.name);
  fs.mkdirSync(path.join(root, dataDir), { recursive: true });
  const logFile = path.join(root, dataDir, "app.log");
  const out = fs.openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(opts.port),
    TRUSTED_PROXY_HOPS: "1",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    ...opts.env,
  };
  // Whatever the shell has: the benchmark runs on its own embedded database, at its own address.
  for (const name of ["DATABASE_URL", "APP_URL", "EMBEDDED_POSTGRES_PORT", "NODE_ENV"]) delete env[name];

  console.log(
    `Starting the app on ${base} (DATA_DIR=${dataDir}, fresh database; output in ${path.relative(process.cwd(), logFile)}) …`,
  );
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--fresh"], {
    cwd: root,
    stdio: ["ignore", out, out],
    env,
  });
  fs.closeSync(out);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exit.then(() => (exited = true));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (exited) return;
      child.kill("SIGTERM");
      // start.ts waits for the web server (which gives the engine up to 60 s), then stops PostgreSQL.
      let timer: NodeJS.Timeout | undefined;
      const done = await Promise.race([
        exit.then(() => true),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 90_000))),
      ]);
      clearTimeout(timer);
      if (!done) {
        console.error(
          `The app (PID ${child.pid}) did not stop within 90 s; killing it. Its embedded PostgreSQL may still run (the next --fresh start stops it).`,
        );
        child.kill("SIGKILL");
        await exit;
      }
    })());

  // Ctrl-C or a kill of the benchmark stops the app too (start.ts's embedded database must not be left running).
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const startedAt = Date.now();
  const timeoutMs = Number(process.env.BENCH_START_TIMEOUT_SECONDS ?? 900) * 1000;
  for (;;) {
    if (exited)
      throw new Error(
        `The app exited during start-up (code ${child.exitCode ?? child.signalCode}). Last lines of ${logFile}:\n${tail(logFile)}`,
      );
    if (Date.now() - startedAt > timeoutMs) {
      await stop();
      throw new Error(
        `The app did not answer /api/health within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${tail(logFile)}`,
      );
    }
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      // not listening yet (building, migrating …)
    }
    await sleep(500);
  }
  console.log(`The app answers (${((Date.now() - startedAt) / 1000).toFixed(0)} s after start, build included).`);
  return { base, dataDir, logFile, pid: child.pid!, stop };
}

/** Signs in as the demo account; returns the Cookie header value for later requests. */
export async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: demo.email, password: demo.password }),
  });
  if (!res.ok) throw new Error(`Sign-in as ${demo.email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error("Sign-in set no cookie.");
  return cookie;
}

/** POST /api/v1/environments with install settings (the dialog's schema, defaults filled in by the server). */
export async function createEnvironment(
  base: string,
  cookie: string,
  settings: Record<string, unknown> & { name: string },
): Promise<void> {
  const res = await fetch(`${base}/api/v1/environments`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: base },
    body: JSON.stringify(settings),
  });
  if (res.status !== 201) throw new Error(`Creating ${settings.name} failed: ${res.status} ${await res.text()}`);
}

/** The environment's status (GET /api/v1/environments/<name>). */
export async function environmentStatus(base: string, cookie: string, name: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/environments/${name}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET /api/v1/environments/${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { status: string }).status;
}

/** Polls until the environment is running (resolves) or failed / past `timeoutMs` (throws). */
export async function waitUntilRunning(
  base: string,
  cookie: string,
  name: string,
  timeoutMs = 600_000,
  pollMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await environmentStatus(base, cookie, name);
    if (status === "running") return;
    if (status === "failed") throw new Error(`${name} failed to install.`);
    if (Date.now() > deadline) throw new Error(`${name} is still ${status} after ${timeoutMs / 1000} s.`);
    await sleep(pollMs);
  }
}
