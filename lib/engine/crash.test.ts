import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import { seededRandom } from "./random";
import { insertTestEnvironment } from "./testing/insert-test-environment";

const root = path.resolve(__dirname, "../..");
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.cleanup());

const { all, count } = queryHelpers(() => db.pool);

function startWorker(): ChildProcess {
  // node itself, not the tsx wrapper (which forks): the pid we kill must be the worker's.
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      ENGINE_TIME_SCALE: "0.012",
      ENGINE_LEASE_MARGIN_MS: "300",
      ENGINE_CONCURRENCY: "16",
      LOG_LEVEL: "silent",
    },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function hasClaimed(pid: number): Promise<boolean> {
  return (
    (await count(
      `SELECT COUNT(*) AS n FROM environment_event WHERE type = 'step.running' AND data->>'runner' LIKE $1`,
      `%:${pid}`,
    )) > 0
  );
}

async function statuses(): Promise<string[]> {
  return (await all<{ status: string }>(`SELECT status FROM environment ORDER BY name`)).map((r) => r.status);
}

describe("crash safety", () => {
  it("completes every install although its worker is SIGKILLed at random moments, without repeating any step", async () => {
    const userId = await insertTestUser(db.pool);
    const envs = [
      await insertTestEnvironment(db.pool, { userId, name: "crash-dev", now: new Date() }),
      await insertTestEnvironment(db.pool, {
        userId,
        name: "crash-dev-addons",
        settings: { addons: { monitoring: true, tracing: true, remoteApi: true } },
        now: new Date(),
      }),
      await insertTestEnvironment(db.pool, {
        userId,
        name: "crash-prod",
        settings: { topology: "production", workers: 3 },
        now: new Date(),
      }),
      await insertTestEnvironment(db.pool, {
        userId,
        name: "crash-prod-bare",
        settings: { topology: "production", workers: 2, storage: false },
        now: new Date(),
      }),
    ];
    const random = seededRandom("crash-test");
    let kills = 0;
    // Kill a worker at a random moment, again and again, while installs are in flight.
    while (kills < 5 && (await statuses()).some((s) => s !== "running")) {
      const worker = startWorker();
      // Kill it at a random moment after it has started claiming work, so every kill interrupts steps.
      const started = Date.now();
      while (!(await hasClaimed(worker.pid!)) && Date.now() - started < 30_000) await sleep(25);
      await sleep(random.int(50, 900));
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      kills += 1;
    }
    const last = startWorker();
    const deadline = Date.now() + 60_000;
    while ((await statuses()).some((s) => s !== "running") && Date.now() < deadline) await sleep(200);
    last.kill("SIGKILL");

    expect(await statuses()).toEqual(["running", "running", "running", "running"]);
    expect(kills).toBeGreaterThanOrEqual(3);

    // No step's effect applied twice: each step committed exactly one success.
    const repeated = await all(
      `SELECT "operationId", "stepKey" FROM environment_event WHERE type = 'step.succeeded' GROUP BY 1, 2 HAVING COUNT(*) <> 1`,
    );
    expect(repeated).toEqual([]);
    expect(await count(`SELECT COUNT(*) AS n FROM step WHERE status <> 'succeeded'`)).toBe(0);

    // No duplicate node: one machine per planned node, one Kubernetes Node per kubernetes machine.
    for (const e of envs) {
      const [row] = await all<{ plan: { totals: { nodes: number }; nodeGroups: { id: string; count: number }[] } }>(
        `SELECT plan FROM environment WHERE id = $1`,
        e.environmentId,
      );
      const plan = row!.plan;
      expect(await count(`SELECT COUNT(*) AS n FROM sim_machine WHERE "environmentId" = $1`, e.environmentId)).toBe(
        plan.totals.nodes,
      );
      const kubeNodes = plan.nodeGroups
        .filter((g) => g.id === "k8sm" || g.id === "cp")
        .reduce((s, g) => s + g.count, 0);
      expect(
        await count(
          `SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'Node'`,
          e.environmentId,
        ),
      ).toBe(kubeNodes);
    }

    // The kills really interrupted work: several workers took part, and steps were taken over from dead ones.
    expect(
      await count(`SELECT COUNT(DISTINCT data->>'runner') AS n FROM environment_event WHERE type = 'step.running'`),
    ).toBeGreaterThanOrEqual(3);
  }, 150_000);
});
