// `npm run bench:workers` — engine throughput with separate `npm run worker` processes (not a test). For each
// worker count: a fresh, migrated database (bench/bench-database.ts), N queued development installs inserted
// through the store, then that many `node --import tsx scripts/worker.ts` processes (ENGINE_TIME_SCALE=0: steps
// take no simulated time) started together on it; the database is polled until every environment is running.
// Writes the results into docs/benchmarks.md between the workers markers.
//
//   BENCH_INSTALLS      development installs (11 steps each) per run (default 1000)
//   BENCH_WORKERS       worker counts, one run each (default 1,2)
//   BENCH_CONCURRENCY   ENGINE_CONCURRENCY of each worker (default 64, the app's default)
//   BENCH_POOL          DATABASE_POOL_MAX of each worker (default 20, the app's default)
//   BENCH_TIMEOUT       seconds a run may take before it is abandoned (default 1200)
//   BENCH_DATABASE_URL  a PostgreSQL server to create the databases on (default: an embedded one per run)
//
// Steps/s = steps finished after the last worker reported that it runs ÷ (last finishedAt − that moment): the
// workers start a second or two apart (tsx, migration check). The whole run is shown beside it.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import { benchDatabase } from "./bench-database";
import { commandLine, machine, today, wholeNumberFromEnv, writeResultsBlock } from "./bench-results";

const root = path.join(__dirname, "..");
const installs = wholeNumberFromEnv("BENCH_INSTALLS", 1000);
const concurrency = wholeNumberFromEnv("BENCH_CONCURRENCY", 64);
const poolMax = wholeNumberFromEnv("BENCH_POOL", 20, 2);
const timeoutSeconds = wholeNumberFromEnv("BENCH_TIMEOUT", 1200);
const workerCounts = (process.env.BENCH_WORKERS ?? "1,2").split(",").map((v) => {
  const n = Number(v.trim());
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`BENCH_WORKERS must be worker counts such as 1,2; got "${process.env.BENCH_WORKERS}".`);
  return n;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Row = {
  workers: number;
  running: number;
  failed: number;
  steps: number;
  attempts: number;
  /** Steps that finished after every worker was up, in the time from then to the last step's end. */
  windowSteps: number;
  windowSeconds: number;
  stepsPerSecond: number;
  /** All steps, from the first step's start to the last step's end. */
  overallSeconds: number;
  overallStepsPerSecond: number;
  wallSeconds: number;
  insertSeconds: number;
};

type Worker = {
  child: ChildProcess;
  output: string[];
  exited: Promise<void>;
  hasExited(): boolean;
  readyAt(): number | undefined;
};

function startWorker(env: NodeJS.ProcessEnv, index: number): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  let readyAt: number | undefined;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    // scripts/worker.ts prints this once its runner has started (console.log, whatever LOG_LEVEL).
    if (readyAt === undefined && /Clusterport worker .* is running/.test(text)) readyAt = Date.now();
    output.push(...text.trimEnd().split("\n"));
    if (output.length > 40) output.splice(0, output.length - 40);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = true;
      if (code !== 0 && signal === null)
        console.error(`Worker ${index + 1} exited with code ${code}:\n${output.join("\n")}`);
      resolve();
    }),
  );
  return { child, output, exited: exitedPromise, hasExited: () => exited, readyAt: () => readyAt };
}

/** SIGTERM (the worker finishes or hands back its steps, closes its pool), then waits; SIGKILL after 60 s. */
async function stopWorker(worker: Worker): Promise<void> {
  if (worker.hasExited()) return;
  worker.child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([
    worker.exited.then(() => true),
    new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 60_000))),
  ]);
  clearTimeout(timer);
  if (!stopped) {
    worker.child.kill("SIGKILL");
    await worker.exited;
  }
}

async function run(workerCount: number): Promise<Row> {
  const db = await benchDatabase(8);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-bench-workers-"));
  const workers: Worker[] = [];
  try {
    const userId = await insertTestUser(db.pool);
    const insertStart = performance.now();
    for (let i = 0; i < installs; i += 16) {
      await Promise.all(
        Array.from({ length: Math.min(16, installs - i) }, (_, j) =>
          insertTestEnvironment(db.pool, { userId, name: `bench-${i + j}`, now: new Date() }),
        ),
      );
    }
    const insertSeconds = (performance.now() - insertStart) / 1000;
    const steps = Number((await db.pool.query(`SELECT COUNT(*) AS n FROM step`)).rows[0].n);
    console.log(
      `${workerCount} worker${workerCount === 1 ? "" : "s"}: ${installs} queued installs (${steps} steps) inserted in ${insertSeconds.toFixed(1)} s; starting the workers …`,
    );

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      ENGINE_TIME_SCALE: "0",
      LOG_LEVEL: "warn",
      ENGINE_CONCURRENCY: String(concurrency),
      DATABASE_POOL_MAX: String(poolMax),
      // Given, so that no worker generates secrets into a DATA_DIR (that one is a temp directory anyway).
      AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
      ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
      DATA_DIR: dataDir,
    };
    delete (env as Record<string, string | undefined>).NODE_ENV;
    const spawnedAt = performance.now();
    for (let i = 0; i < workerCount; i++) workers.push(startWorker(env, i));

    let running = 0;
    let failed = 0;
    let lastReport = performance.now();
    for (;;) {
      const row = (
        await db.pool.query(
          `SELECT COUNT(*) FILTER (WHERE status = 'running') AS running, COUNT(*) FILTER (WHERE status = 'failed') AS failed FROM environment`,
        )
      ).rows[0] as { running: string; failed: string };
      running = Number(row.running);
      failed = Number(row.failed);
      if (running + failed >= installs) break;
      if (workers.every((w) => w.hasExited())) throw new Error("Every worker exited before the installs were done.");
      if ((performance.now() - spawnedAt) / 1000 > timeoutSeconds)
        throw new Error(`Not done after ${timeoutSeconds} s: ${running} running, ${failed} failed.`);
      if (performance.now() - lastReport > 5_000) {
        lastReport = performance.now();
        console.log(`  … ${running} of ${installs} running`);
      }
      await sleep(200);
    }
    const wallSeconds = (performance.now() - spawnedAt) / 1000;
    // From the moment the last worker reported that it runs (the one before may have started earlier).
    const readyTimes = workers.map((w) => w.readyAt());
    const allReadyAt = readyTimes.every((t) => t !== undefined) ? Math.max(...(readyTimes as number[])) : 0;
    const done = (
      await db.pool.query(
        `SELECT COUNT(*) AS steps, COALESCE(SUM(attempts), 0) AS attempts,
                EXTRACT(EPOCH FROM MIN("startedAt")) * 1000 AS "firstStart", EXTRACT(EPOCH FROM MAX("finishedAt")) * 1000 AS "lastEnd",
                COUNT(*) FILTER (WHERE "finishedAt" >= $1) AS "afterReady"
           FROM step WHERE status = 'succeeded'`,
        [new Date(allReadyAt)],
      )
    ).rows[0] as {
      steps: string;
      attempts: string;
      firstStart: string | null;
      lastEnd: string | null;
      afterReady: string;
    };
    const firstStart = Number(done.firstStart ?? 0);
    const lastEnd = Number(done.lastEnd ?? 0);
    const succeeded = Number(done.steps);
    const from = Math.max(firstStart, allReadyAt);
    const windowSeconds = (lastEnd - from) / 1000;
    const overallSeconds = (lastEnd - firstStart) / 1000;
    const row: Row = {
      workers: workerCount,
      running,
      failed,
      steps: succeeded,
      attempts: Number(done.attempts),
      windowSteps: Number(done.afterReady),
      windowSeconds,
      stepsPerSecond: windowSeconds > 0 ? Number(done.afterReady) / windowSeconds : 0,
      overallSeconds,
      overallStepsPerSecond: overallSeconds > 0 ? succeeded / overallSeconds : 0,
      wallSeconds,
      insertSeconds,
    };
    console.log(
      `  ${running} running, ${failed} failed; ${row.windowSteps} steps in ${windowSeconds.toFixed(2)} s with every worker up = ${row.stepsPerSecond.toFixed(0)} steps/s; ` +
        `all ${succeeded} steps, first start to last end: ${overallSeconds.toFixed(2)} s = ${row.overallStepsPerSecond.toFixed(0)} steps/s (wall from spawn ${wallSeconds.toFixed(1)} s)`,
    );
    return row;
  } finally {
    await Promise.all(workers.map(stopWorker));
    await db.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const rows: Row[] = [];
  for (const count of workerCounts) rows.push(await run(count));
  writeResultsBlock("workers", [
    `## Workers (\`npm run bench:workers\`, ${today()}, ${machine()})`,
    "",
    `Command: \`${commandLine("bench:workers", { BENCH_INSTALLS: installs, BENCH_WORKERS: workerCounts.join(","), BENCH_CONCURRENCY: concurrency, BENCH_POOL: poolMax })}\``,
    `— per row a fresh database on ${process.env.BENCH_DATABASE_URL ? "the BENCH_DATABASE_URL server" : "an embedded PostgreSQL on the same machine"}, ${installs} queued development`,
    "installs (11 steps each), then that many `npm run worker` processes (`ENGINE_TIME_SCALE=0`, so steps take no simulated time;",
    `\`ENGINE_CONCURRENCY=${concurrency}\`, \`DATABASE_POOL_MAX=${poolMax}\` each) until every environment is Running. Steps/s: steps finished`,
    "from the moment the last worker reported it runs until the last step's end (workers start one or two seconds apart);",
    "beside it all steps from the first step's start, and the wall time including the workers' start-up.",
    "",
    "| Workers | Installs Running | Steps succeeded (attempts) | With every worker up | Steps/s | First step → last step | Wall from spawn | Target |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.workers} | ${r.running} of ${installs}${r.failed ? ` (${r.failed} failed)` : ""} | ${r.steps} (${r.attempts}) | ${r.windowSteps} steps in ${r.windowSeconds.toFixed(1)} s | **${r.stepsPerSecond.toFixed(0)}** | ${r.overallSeconds.toFixed(1)} s = ${r.overallStepsPerSecond.toFixed(0)} steps/s | ${r.wallSeconds.toFixed(1)} s | ${r.workers === 2 ? "≥ 1,000 steps/s" : "—"} |`,
    ),
    "",
    `Inserting the queued installs took ${rows.map((r) => `${r.insertSeconds.toFixed(1)} s`).join(" / ")} and is not counted.`,
  ]);
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
