import crypto from "node:crypto";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimSteps } from "./claim-steps";
import { virtualClock } from "./clock";
import type { OperationStepSpec } from "./create-operation";
import { executeStep } from "./execute-step";
import { requestCancel, requestDelete, requestRetry } from "./request-operations";
import { createRunner } from "./runner";
import type { StepContext, StepHandler } from "./step-context";
import { permanentError, transientError } from "./step-error";
import { createTestDatabase, insertTestUser } from "./testing/test-database";
import { insertTestEnvironment } from "./testing/insert-test-environment";

const key = crypto.randomBytes(32).toString("base64");

// a → (b, c) → d: the critical path is a + c + d = 10 + 30 + 5 = 45 s.
const diamond: OperationStepSpec[] = [
  { key: "a", name: "effect", title: "A", stage: "prepare", dependsOn: [], estimatedSeconds: 10 },
  { key: "b", name: "effect", title: "B", stage: "prepare", dependsOn: ["a"], estimatedSeconds: 20 },
  { key: "c", name: "effect", title: "C", stage: "prepare", dependsOn: ["a"], estimatedSeconds: 30 },
  { key: "d", name: "effect", title: "D", stage: "prepare", dependsOn: ["b", "c"], estimatedSeconds: 5 },
];

/** Each execution of a stub step leaves one row, in the step's own transaction: counting rows counts effects. */
const recordEffect = (ctx: StepContext) => {
  ctx.conn
    .prepare("INSERT INTO test_effect (environmentId, stepKey, at) VALUES (?, ?, ?)")
    .run(ctx.environment.id, ctx.step.key, ctx.now.toISOString());
  ctx.log(`did ${ctx.step.key}`);
};

let db: ReturnType<typeof createTestDatabase>;
let userId: string;

beforeEach(() => {
  db = createTestDatabase();
  db.conn.exec("CREATE TABLE test_effect (environmentId TEXT, stepKey TEXT, at TEXT)");
  userId = insertTestUser(db.conn);
});
afterEach(() => db.cleanup());

function runner(handlers: Record<string, StepHandler>, clock = virtualClock(), conn = db.conn, owner?: string) {
  return createRunner({
    conn,
    clock,
    handlers: { "cleanup-environment": () => undefined, ...handlers },
    encryptionKey: key,
    durationJitter: 0,
    owner,
  });
}

const effects = (stepKey?: string) =>
  (
    db.conn.prepare(`SELECT COUNT(*) AS n FROM test_effect ${stepKey ? "WHERE stepKey = ?" : ""}`).get(...(stepKey ? [stepKey] : [])) as {
      n: number;
    }
  ).n;
const envStatus = (id: string) => (db.conn.prepare("SELECT status FROM environment WHERE id = ?").get(id) as { status: string }).status;
const stepRow = (opId: string, k: string) =>
  db.conn.prepare("SELECT status, attempts, error FROM step WHERE operationId = ? AND key = ?").get(opId, k) as {
    status: string;
    attempts: number;
    error: string | null;
  };

describe("runner", () => {
  it("runs a step graph in dependency order, in parallel, each step once, and the install ends Running", async () => {
    const clock = virtualClock();
    const start = clock.now().getTime();
    const { environmentId, operationId } = insertTestEnvironment(db.conn, { userId, steps: diamond, now: clock.now() });
    await runner({ effect: recordEffect }, clock).runUntilIdle();

    expect(envStatus(environmentId)).toBe("running");
    expect(effects()).toBe(4);
    const order = (db.conn.prepare("SELECT stepKey FROM test_effect ORDER BY at, stepKey").all() as { stepKey: string }[]).map((r) => r.stepKey);
    expect(order).toEqual(["a", "b", "c", "d"]);
    // Wall time is the critical path (45 s), not the sum (65 s).
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(45_000);
    expect(clock.now().getTime() - start).toBeLessThan(46_000);
    const op = db.conn.prepare("SELECT status FROM operation WHERE id = ?").get(operationId) as { status: string };
    expect(op.status).toBe("succeeded");
    const types = (db.conn.prepare("SELECT type FROM environment_event WHERE environmentId = ? ORDER BY id").all(environmentId) as { type: string }[]).map((e) => e.type);
    expect(types[0]).toBe("operation.queued");
    expect(types).toContain("operation.running");
    expect(types.filter((t) => t === "step.succeeded")).toHaveLength(4);
    expect(types.at(-1)).toBe("environment.running");
  });

  it("retries a transient failure with backoff, visibly, and rolls back the failed attempt's effects", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = insertTestEnvironment(db.conn, { userId, steps: diamond, now: clock.now() });
    const flaky: StepHandler = (ctx) => {
      recordEffect(ctx);
      if (ctx.step.key === "b" && ctx.step.attempt < 3) throw transientError("net", "connection reset");
    };
    await runner({ effect: flaky }, clock).runUntilIdle();

    expect(envStatus(environmentId)).toBe("running");
    expect(stepRow(operationId, "b").attempts).toBe(3);
    expect(effects("b")).toBe(1);
    const retries = db.conn
      .prepare("SELECT message FROM environment_event WHERE type = 'step.retrying' ORDER BY id")
      .all() as { message: string }[];
    expect(retries.map((r) => r.message)).toEqual([
      "B: attempt 1 of 4 failed (connection reset); retrying in 5 s.",
      "B: attempt 2 of 4 failed (connection reset); retrying in 10 s.",
    ]);
  });

  it("fails the operation on a permanent error, then Retry resumes from the failed step without redoing the rest", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = insertTestEnvironment(db.conn, { userId, steps: diamond, now: clock.now() });
    let broken = true;
    const handler: StepHandler = (ctx) => {
      if (ctx.step.key === "c" && broken) throw permanentError("bad", "The chart does not exist.", "user", "Fix the chart.");
      recordEffect(ctx);
    };
    await runner({ effect: handler }, clock).runUntilIdle();

    expect(envStatus(environmentId)).toBe("failed");
    expect(stepRow(operationId, "c").status).toBe("failed");
    expect(JSON.parse(stepRow(operationId, "c").error!)).toMatchObject({ message: "The chart does not exist.", fixableBy: "user", action: "Fix the chart." });
    expect(stepRow(operationId, "b").status).toBe("succeeded");
    expect(stepRow(operationId, "d").status).toBe("pending");
    const failed = db.conn.prepare("SELECT status, error FROM operation WHERE id = ?").get(operationId) as { status: string; error: string };
    expect(failed.status).toBe("failed");
    expect(JSON.parse(failed.error)).toMatchObject({ stepKey: "c", fixableBy: "user" });

    broken = false;
    requestRetry(db.conn, { environmentId, actorId: userId, now: clock.now() });
    expect(envStatus(environmentId)).toBe("installing");
    await runner({ effect: handler }, clock).runUntilIdle();
    expect(envStatus(environmentId)).toBe("running");
    expect([effects("a"), effects("b"), effects("c"), effects("d")]).toEqual([1, 1, 1, 1]);
  });

  it("lets two runners on two connections race over many installs: every step runs exactly once", async () => {
    const clock = virtualClock();
    const wide: OperationStepSpec[] = Array.from({ length: 8 }, (_, i) => ({
      key: `s${i}`,
      name: "effect",
      title: `S${i}`,
      stage: "prepare",
      dependsOn: i < 4 ? [] : [`s${i - 4}`],
      estimatedSeconds: 1 + (i % 3),
    }));
    const envs = Array.from({ length: 20 }, () => insertTestEnvironment(db.conn, { userId, steps: wide, now: clock.now() }));
    const second = new Database(db.file, { timeout: 5000 });
    try {
      await Promise.all([
        runner({ effect: recordEffect }, clock, db.conn, "one").runUntilIdle(),
        runner({ effect: recordEffect }, clock, second, "two").runUntilIdle(),
      ]);
    } finally {
      second.close();
    }
    expect(effects()).toBe(20 * 8);
    const dupes = db.conn.prepare("SELECT environmentId, stepKey, COUNT(*) AS n FROM test_effect GROUP BY 1, 2 HAVING n > 1").all();
    expect(dupes).toEqual([]);
    for (const e of envs) expect(envStatus(e.environmentId)).toBe("running");
    const runners = db.conn
      .prepare("SELECT DISTINCT json_extract(data, '$.runner') AS runner FROM environment_event WHERE type = 'step.running' ORDER BY 1")
      .all();
    expect(runners).toEqual([{ runner: "one" }, { runner: "two" }]);
  });

  it("takes over a step whose runner died once its lease expires", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = insertTestEnvironment(db.conn, { userId, steps: diamond.slice(0, 1), now: clock.now() });
    const [claimed] = claimSteps(db.conn, { owner: "dead-runner", now: clock.now(), leaseMs: 60_000, limit: 1 });
    expect(claimed?.key).toBe("a");
    await runner({ effect: recordEffect }, clock).runUntilIdle();
    expect(envStatus(environmentId)).toBe("running");
    expect(stepRow(operationId, "a").attempts).toBe(2);
    expect(effects("a")).toBe(1);
    const takeover = db.conn.prepare("SELECT message FROM environment_event WHERE message LIKE '%taken over%'").get() as { message: string };
    expect(takeover.message).toBe("A: taken over after its runner stopped responding (attempt 2 of 4).");
    // The dead runner, coming back, cannot commit anything.
    expect(executeStep(db.conn, claimed!, { handlers: { effect: recordEffect }, owner: "dead-runner", now: clock.now(), encryptionKey: key, backoffMs: () => 0, scale: (ms) => ms })).toBe("lost");
    expect(effects("a")).toBe(1);
  });

  it("cancels an install in flight: the running step cannot commit, the rest is cancelled, the name is released", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = insertTestEnvironment(db.conn, { userId, steps: diamond, now: clock.now() });
    const owner = "r1";
    const opts = { handlers: { effect: recordEffect }, owner, now: clock.now(), encryptionKey: key, backoffMs: () => 0, scale: (ms: number) => ms };
    const [a] = claimSteps(db.conn, { owner, now: clock.now(), leaseMs: 60_000, limit: 10 });
    expect(executeStep(db.conn, a!, opts)).toBe("succeeded");
    const [b] = claimSteps(db.conn, { owner, now: clock.now(), leaseMs: 60_000, limit: 1 });
    expect(envStatus(environmentId)).toBe("installing");

    requestCancel(db.conn, { environmentId, actorId: userId, now: clock.now() });
    expect(envStatus(environmentId)).toBe("cancelling");
    expect(executeStep(db.conn, b!, opts)).toBe("lost");
    expect(effects("b")).toBe(0);
    expect(["b", "c", "d"].map((k) => stepRow(operationId, k).status)).toEqual(["cancelled", "cancelled", "cancelled"]);

    await runner({ effect: recordEffect }, clock).runUntilIdle();
    expect(envStatus(environmentId)).toBe("cancelled");
    const env = db.conn.prepare("SELECT regionClaim, ownerClaim FROM environment WHERE id = ?").get(environmentId);
    expect(env).toEqual({ regionClaim: null, ownerClaim: null });
    expect(() => requestCancel(db.conn, { environmentId, actorId: userId, now: clock.now() })).toThrow(/Only an install in progress/);
  });

  it("refuses a second operation while one is active, and deletes a running environment", async () => {
    const clock = virtualClock();
    const { environmentId } = insertTestEnvironment(db.conn, { userId, steps: diamond, now: clock.now() });
    expect(() => requestDelete(db.conn, { environmentId, actorId: userId, now: clock.now() })).toThrow(
      "An install is in progress: cancel it first, or wait until it ends.",
    );
    expect(() => requestRetry(db.conn, { environmentId, actorId: userId, now: clock.now() })).toThrow("Only a failed environment can be retried.");
    await runner({ effect: recordEffect }, clock).runUntilIdle();
    requestDelete(db.conn, { environmentId, actorId: userId, now: clock.now() });
    expect(() => requestDelete(db.conn, { environmentId, actorId: userId, now: clock.now() })).toThrow("Delete is already in progress.");
    await runner({ effect: recordEffect }, clock).runUntilIdle();
    expect(envStatus(environmentId)).toBe("deleted");
  });
});
