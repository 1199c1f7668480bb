import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "./random";
import { insertTestEnvironment } from "./testing/insert-test-environment";
import { createTestDatabase, insertTestUser } from "./testing/test-database";

const root = path.resolve(__dirname, "../..");
let db: ReturnType<typeof createTestDatabase>;

beforeAll(() => {
  db = createTestDatabase();
});
afterAll(() => db.cleanup());

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

function hasClaimed(pid: number): boolean {
  return !!db.conn
    .prepare("SELECT 1 FROM environment_event WHERE type = 'step.running' AND json_extract(data, '$.runner') LIKE ? LIMIT 1")
    .get(`%:${pid}`);
}

function statuses(): string[] {
  return (db.conn.prepare("SELECT status FROM environment ORDER BY name").all() as { status: string }[]).map((r) => r.status);
}

describe("crash safety", () => {
  it("completes every install although its worker is SIGKILLed at random moments, without repeating any step", async () => {
    const userId = insertTestUser(db.conn);
    const envs = [
      insertTestEnvironment(db.conn, { userId, name: "crash-dev", now: new Date() }),
      insertTestEnvironment(db.conn, { userId, name: "crash-dev-addons", settings: { addons: { monitoring: true, tracing: true, remoteApi: true } }, now: new Date() }),
      insertTestEnvironment(db.conn, { userId, name: "crash-prod", settings: { topology: "production", workers: 3 }, now: new Date() }),
      insertTestEnvironment(db.conn, { userId, name: "crash-prod-bare", settings: { topology: "production", workers: 2, storage: false }, now: new Date() }),
    ];
    const random = seededRandom("crash-test");
    let kills = 0;
    // Kill a worker at a random moment, again and again, while installs are in flight.
    while (kills < 5 && statuses().some((s) => s !== "running")) {
      const worker = startWorker();
      // Kill it at a random moment after it has started claiming work, so every kill interrupts steps.
      const started = Date.now();
      while (!hasClaimed(worker.pid!) && Date.now() - started < 30_000) await sleep(25);
      await sleep(random.int(50, 900));
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      kills += 1;
    }
    const last = startWorker();
    const deadline = Date.now() + 60_000;
    while (statuses().some((s) => s !== "running") && Date.now() < deadline) await sleep(200);
    last.kill("SIGKILL");

    expect(statuses()).toEqual(["running", "running", "running", "running"]);
    expect(kills).toBeGreaterThanOrEqual(3);

    // No step's effect applied twice: each step committed exactly one success.
    const repeated = db.conn
      .prepare("SELECT operationId, stepKey, COUNT(*) AS n FROM environment_event WHERE type = 'step.succeeded' GROUP BY 1, 2 HAVING n != 1")
      .all();
    expect(repeated).toEqual([]);
    const unfinished = db.conn.prepare("SELECT COUNT(*) AS n FROM step WHERE status != 'succeeded'").get() as { n: number };
    expect(unfinished.n).toBe(0);

    // No duplicate node: one machine per planned node, one Kubernetes Node per kubernetes machine.
    for (const e of envs) {
      const plan = JSON.parse((db.conn.prepare("SELECT plan FROM environment WHERE id = ?").get(e.environmentId) as { plan: string }).plan) as {
        totals: { nodes: number };
        nodeGroups: { id: string; count: number }[];
      };
      const machines = db.conn.prepare("SELECT COUNT(*) AS n FROM sim_machine WHERE environmentId = ?").get(e.environmentId) as { n: number };
      expect(machines.n).toBe(plan.totals.nodes);
      const kubeNodes = plan.nodeGroups.filter((g) => g.id === "k8sm" || g.id === "cp").reduce((s, g) => s + g.count, 0);
      const nodes = db.conn.prepare("SELECT COUNT(*) AS n FROM sim_object WHERE environmentId = ? AND kind = 'Node'").get(e.environmentId) as { n: number };
      expect(nodes.n).toBe(kubeNodes);
    }

    // The kills really interrupted work: several workers took part, and steps were taken over from dead ones.
    const runners = db.conn
      .prepare("SELECT COUNT(DISTINCT json_extract(data, '$.runner')) AS n FROM environment_event WHERE type = 'step.running'")
      .get() as { n: number };
    expect(runners.n).toBeGreaterThanOrEqual(3);
  }, 150_000);
});
