// `npm run bench:engine` — engine throughput and overhead (not a test). Writes its results into
// docs/benchmarks.md between the engine markers, with the command that produced them.
//   Part 1: N concurrent development installs at time scale 0 (steps take no simulated time), as many steps in
//           flight as BENCH_CONCURRENCY: steps per second, peak RSS, and the time per step, which at saturation
//           is mostly waiting for a connection.
//   Part 1b: the same with as many steps in flight as connections (BENCH_LATENCY_CONCURRENCY): the engine's own
//           overhead per step (claim share + transaction + bookkeeping, the simulated work excluded), p50/p99.
//   Part 2: one production install with the plan's durations at a reduced time scale: measured wall time
//           against the step graph's critical path and against the sequential sum.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { createRunner, realClock, stepHandlers } from "@/lib/engine";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import { criticalPath } from "@/lib/plan";
import { benchDatabase } from "./bench-database";

const installs = Number(process.env.BENCH_INSTALLS ?? 1000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 64);
const poolMax = Number(process.env.BENCH_POOL ?? 8);
const latencyInstalls = Number(process.env.BENCH_LATENCY_INSTALLS ?? 200);
const latencyConcurrency = Number(process.env.BENCH_LATENCY_CONCURRENCY ?? 4);
const productionScale = Number(process.env.BENCH_PRODUCTION_SCALE ?? 0.05);
const key = crypto.randomBytes(32).toString("base64");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function throughput(installs: number, concurrency: number, poolMax: number) {
  const db = await benchDatabase(poolMax);
  const userId = await insertTestUser(db.pool);
  const insertStart = performance.now();
  for (let i = 0; i < installs; i += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, installs - i) }, (_, j) =>
        insertTestEnvironment(db.pool, { userId, name: `bench-${i + j}`, now: new Date() }),
      ),
    );
  }
  const insertMs = performance.now() - insertStart;
  const overheads: number[] = [];
  let claimMs = 0;
  let claimed = 0;
  // Handler time is the simulated work itself; the engine's overhead is everything around it. Other steps'
  // handlers run while one step's writes are in flight, so each attempt's time is kept under its own key.
  const handlerMs = new Map<string, number>();
  const attemptKey = (operationId: string, key: string, attempt: number) => `${operationId}:${key}:${attempt}`;
  const timed = Object.fromEntries(
    Object.entries(stepHandlers).map(([name, handler]) => [
      name,
      (ctx: Parameters<typeof handler>[0]) => {
        const t0 = performance.now();
        try {
          return handler(ctx);
        } finally {
          handlerMs.set(attemptKey(ctx.operation.id, ctx.step.key, ctx.step.attempt), performance.now() - t0);
        }
      },
    ]),
  );
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const runner = createRunner({
    pool: db.pool,
    clock: realClock(0),
    handlers: timed,
    encryptionKey: key,
    concurrency,
    durationJitter: 0,
    gatherMs: Number(process.env.BENCH_GATHER_MS ?? 5),
    onOutcome: (step, _outcome, ms) => {
      const key = attemptKey(step.operationId, step.key, step.attempt);
      overheads.push(ms - (handlerMs.get(key) ?? 0) + (claimed > 0 ? claimMs / claimed : 0));
      handlerMs.delete(key);
    },
    onClaim: (count, ms) => {
      claimMs += ms;
      claimed += count;
    },
    onError: (e) => console.error(e),
  });
  const start = performance.now();
  await runner.runUntilIdle();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const running = Number(
    (await db.pool.query(`SELECT COUNT(*) AS n FROM environment WHERE status = 'running'`)).rows[0].n,
  );
  const steps = Number((await db.pool.query(`SELECT COUNT(*) AS n FROM step WHERE status = 'succeeded'`)).rows[0].n);
  await db.cleanup();
  overheads.sort((a, b) => a - b);
  return {
    installs,
    concurrency,
    poolMax,
    running,
    steps,
    seconds,
    stepsPerSecond: steps / seconds,
    p50: percentile(overheads, 50),
    p99: percentile(overheads, 99),
    claimPerStep: claimed > 0 ? claimMs / claimed : 0,
    peakRssMiB: peakRss / 1024 / 1024,
    insertMs,
  };
}

async function productionWallTime() {
  const db = await benchDatabase();
  const userId = await insertTestUser(db.pool);
  const { environmentId } = await insertTestEnvironment(db.pool, {
    userId,
    settings: { topology: "production", workers: 3 },
    now: new Date(),
  });
  const plan = (await db.pool.query(`SELECT plan FROM environment WHERE id = $1`, [environmentId])).rows[0].plan as {
    steps: { key: string; dependsOn: string[]; estimatedSeconds: number }[];
  };
  const runner = createRunner({
    pool: db.pool,
    clock: realClock(productionScale),
    handlers: stepHandlers,
    encryptionKey: key,
    durationJitter: 0,
  });
  const start = performance.now();
  await runner.runUntilIdle();
  const wallSeconds = (performance.now() - start) / 1000;
  const status = (await db.pool.query(`SELECT status FROM environment WHERE id = $1`, [environmentId])).rows[0]
    .status as string;
  await db.cleanup();
  const critical = criticalPath(plan.steps as never) * productionScale;
  const sequential = plan.steps.reduce((s, x) => s + x.estimatedSeconds, 0) * productionScale;
  return { status, steps: plan.steps.length, wallSeconds, critical, sequential };
}

async function main() {
  const t = await throughput(installs, concurrency, poolMax);
  const l = await throughput(latencyInstalls, latencyConcurrency, latencyConcurrency);
  const p = await productionWallTime();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}`;
  const lines = [
    "<!-- engine:start -->",
    `## Engine (\`npm run bench:engine\`, ${new Date().toISOString().slice(0, 10)}, ${machine})`,
    "",
    `Command: \`BENCH_INSTALLS=${installs} BENCH_CONCURRENCY=${concurrency} BENCH_POOL=${poolMax} BENCH_LATENCY_INSTALLS=${latencyInstalls} BENCH_LATENCY_CONCURRENCY=${latencyConcurrency} BENCH_PRODUCTION_SCALE=${productionScale} npm run bench:engine\``,
    "",
    "One process, the database on the same machine.",
    "",
    "| Measure | Result | Target |",
    "|---|---|---|",
    `| Concurrent development installs at time scale 0, ${t.concurrency} steps in flight on ${t.poolMax} connections | ${t.running} of ${t.installs} reached Running | 1,000 |`,
    `| Steps executed | ${t.steps} in ${t.seconds.toFixed(1)} s = **${Math.round(t.stepsPerSecond)} steps/s** | — |`,
    `| Time per step at that load (waiting for a connection + transaction, simulated work excluded) | p50 ${t.p50.toFixed(2)} ms, p99 ${t.p99.toFixed(2)} ms | — |`,
    `| … of which claiming, amortised per step | ${t.claimPerStep.toFixed(3)} ms | — |`,
    `| Peak RSS | ${Math.round(t.peakRssMiB)} MiB | — |`,
    `| Engine overhead per step with ${l.concurrency} steps in flight on ${l.poolMax} connections (claim share + transaction + bookkeeping, simulated work excluded; ${l.running} of ${l.installs} installs) | p50 ${l.p50.toFixed(2)} ms, **p99 ${l.p99.toFixed(2)} ms** at ${Math.round(l.stepsPerSecond)} steps/s | p99 < 5 ms |`,
    `| Production install (3 control planes, 2 balancers, 3 workers, storage) at time scale ${productionScale} | ${p.status}, ${p.steps} steps, wall **${p.wallSeconds.toFixed(2)} s** | — |`,
    `| … against the critical path (${p.critical.toFixed(2)} s) | **${((p.wallSeconds / p.critical - 1) * 100).toFixed(1)} %** over | within 5 % |`,
    `| … against the sequential sum (${p.sequential.toFixed(2)} s) | **${((p.wallSeconds / p.sequential) * 100).toFixed(0)} %** of it | at most 50 % |`,
    "",
    `Inserting the ${installs} queued installs (settings, plan, steps) took ${Math.round(t.insertMs)} ms and is not counted above.`,
    "<!-- engine:end -->",
  ];
  console.log(lines.join("\n"));
  const file = path.join(__dirname, "..", "docs", "benchmarks.md");
  const current = fs.existsSync(file)
    ? fs.readFileSync(file, "utf8")
    : "# Benchmarks\n\nNumbers with the command that produced them. Benchmarks are not tests: run them on a quiet machine.\n";
  const block = lines.join("\n");
  const next = current.includes("<!-- engine:start -->")
    ? current.replace(/<!-- engine:start -->[\s\S]*<!-- engine:end -->/, block)
    : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

void main();
