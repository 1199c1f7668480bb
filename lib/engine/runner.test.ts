import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import { claimSteps } from "./claim-steps";
import { virtualClock } from "./clock";
import type { OperationStepSpec } from "./create-operation";
import { executeStep } from "./execute-step";
import { requestCancel, requestDelete, requestRetry } from "./request-operations";
import { createRunner } from "./runner";
import type { StepContext, StepHandler } from "./step-context";
import { permanentError, transientError } from "./step-error";
import { diamond } from "./testing/diamond-steps";
import { insertTestEnvironment } from "./testing/insert-test-environment";

const key = crypto.randomBytes(32).toString("base64");

/**
 * Each execution of a stub step leaves one object in the simulated cluster, named uniquely, through the step's
 * own transaction: counting the objects counts the effects that were committed.
 */
const recordEffect = (ctx: StepContext) => {
  ctx.sim.objects.apply({
    kind: "Effect",
    name: `${ctx.step.key}-${crypto.randomUUID()}`,
    spec: { stepKey: ctx.step.key, at: ctx.now.toISOString() },
  });
  ctx.log(`did ${ctx.step.key}`);
};

let db: TestDatabase;
let userId: string;

beforeEach(async () => {
  db = await createTestDatabase();
  userId = await insertTestUser(db.pool);
});
afterEach(() => db.cleanup());

const { one, all, count } = queryHelpers(() => db.pool);

function runner(handlers: Record<string, StepHandler>, clock = virtualClock(), owner?: string) {
  return createRunner({
    pool: db.pool,
    clock,
    handlers: { "cleanup-environment": () => undefined, ...handlers },
    encryptionKey: key,
    durationJitter: 0,
    owner,
  });
}

const effects = (stepKey?: string) =>
  stepKey
    ? count(`SELECT COUNT(*) AS n FROM sim_object WHERE kind = 'Effect' AND spec->>'stepKey' = $1`, stepKey)
    : count(`SELECT COUNT(*) AS n FROM sim_object WHERE kind = 'Effect'`);
const envStatus = async (id: string) =>
  (await one<{ status: string }>(`SELECT status FROM environment WHERE id = $1`, id)).status;
const stepRow = (opId: string, k: string) =>
  one<{ status: string; attempts: number; error: { message: string } | null }>(
    `SELECT status, attempts, error FROM step WHERE "operationId" = $1 AND key = $2`,
    opId,
    k,
  );
const execOptions = (owner: string, now: Date) => ({
  handlers: { effect: recordEffect },
  owner,
  now,
  encryptionKey: key,
  backoffMs: () => 0,
  scale: (ms: number) => ms,
});

describe("runner", () => {
  it("runs a step graph in dependency order, in parallel, each step once, and the install ends Running", async () => {
    const clock = virtualClock();
    const start = clock.now().getTime();
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, {
      userId,
      steps: diamond,
      now: clock.now(),
    });
    await runner({ effect: recordEffect }, clock).runUntilIdle();

    expect(await envStatus(environmentId)).toBe("running");
    expect(await effects()).toBe(4);
    const order = (
      await all<{ k: string }>(
        `SELECT spec->>'stepKey' AS k FROM sim_object WHERE kind = 'Effect' ORDER BY spec->>'at', 1`,
      )
    ).map((r) => r.k);
    expect(order).toEqual(["a", "b", "c", "d"]);
    // Wall time is the critical path (45 s), not the sum (65 s).
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(45_000);
    expect(clock.now().getTime() - start).toBeLessThan(46_000);
    expect((await one<{ status: string }>(`SELECT status FROM operation WHERE id = $1`, operationId)).status).toBe(
      "succeeded",
    );
    const types = (
      await all<{ type: string }>(
        `SELECT type FROM environment_event WHERE "environmentId" = $1 ORDER BY seq`,
        environmentId,
      )
    ).map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(["environment.queued", "operation.queued"]);
    expect(types).toContain("operation.running");
    expect(types.filter((t) => t === "step.succeeded")).toHaveLength(4);
    expect(types.at(-1)).toBe("environment.running");
  });

  it("numbers events and log lines per environment, gap-free, in commit order", async () => {
    const clock = virtualClock();
    const envs = await Promise.all(
      Array.from({ length: 5 }, () => insertTestEnvironment(db.pool, { userId, steps: diamond, now: clock.now() })),
    );
    await runner({ effect: recordEffect }, clock).runUntilIdle();
    for (const e of envs) {
      const seqs = (
        await all<{ seq: number }>(
          `SELECT seq FROM environment_event WHERE "environmentId" = $1 ORDER BY seq`,
          e.environmentId,
        )
      ).map((r) => Number(r.seq));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const env = await one<{ eventSeq: number; logSeq: number }>(
        `SELECT "eventSeq", "logSeq" FROM environment WHERE id = $1`,
        e.environmentId,
      );
      expect(env.eventSeq).toBe(seqs.length);
      expect(await count(`SELECT COUNT(*) AS n FROM log_line WHERE "environmentId" = $1`, e.environmentId)).toBe(
        env.logSeq,
      );
    }
  });

  it("retries a transient failure with backoff, visibly, and rolls back the failed attempt's effects", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, {
      userId,
      steps: diamond,
      now: clock.now(),
    });
    const flaky: StepHandler = (ctx) => {
      recordEffect(ctx);
      if (ctx.step.key === "b" && ctx.step.attempt < 3) throw transientError("net", "connection reset");
    };
    await runner({ effect: flaky }, clock).runUntilIdle();

    expect(await envStatus(environmentId)).toBe("running");
    expect((await stepRow(operationId, "b")).attempts).toBe(3);
    expect(await effects("b")).toBe(1);
    const retries = await all<{ message: string }>(
      `SELECT message FROM environment_event WHERE type = 'step.retrying' ORDER BY seq`,
    );
    expect(retries.map((r) => r.message)).toEqual([
      "B: attempt 1 of 4 failed (connection reset); retrying in 5 s.",
      "B: attempt 2 of 4 failed (connection reset); retrying in 10 s.",
    ]);
  });

  it("fails the operation on a permanent error, then Retry resumes from the failed step without redoing the rest", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, {
      userId,
      steps: diamond,
      now: clock.now(),
    });
    let broken = true;
    const handler: StepHandler = (ctx) => {
      if (ctx.step.key === "c" && broken)
        throw permanentError("bad", "The chart does not exist.", "user", "Fix the chart.");
      recordEffect(ctx);
    };
    await runner({ effect: handler }, clock).runUntilIdle();

    expect(await envStatus(environmentId)).toBe("failed");
    expect((await stepRow(operationId, "c")).status).toBe("failed");
    expect((await stepRow(operationId, "c")).error).toMatchObject({
      message: "The chart does not exist.",
      fixableBy: "user",
      action: "Fix the chart.",
    });
    expect((await stepRow(operationId, "b")).status).toBe("succeeded");
    expect((await stepRow(operationId, "d")).status).toBe("pending");
    const failed = await one<{ status: string; error: unknown }>(
      `SELECT status, error FROM operation WHERE id = $1`,
      operationId,
    );
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatchObject({ stepKey: "c", fixableBy: "user" });

    broken = false;
    await requestRetry(db.pool, { environmentId, actorId: userId, now: clock.now() });
    expect(await envStatus(environmentId)).toBe("installing");
    await runner({ effect: handler }, clock).runUntilIdle();
    expect(await envStatus(environmentId)).toBe("running");
    expect([await effects("a"), await effects("b"), await effects("c"), await effects("d")]).toEqual([1, 1, 1, 1]);
  });

  it("lets two runners race over many installs: every step runs exactly once", async () => {
    const clock = virtualClock();
    const wide: OperationStepSpec[] = Array.from({ length: 8 }, (_, i) => ({
      key: `s${i}`,
      name: "effect",
      title: `S${i}`,
      stage: "prepare",
      dependsOn: i < 4 ? [] : [`s${i - 4}`],
      estimatedSeconds: 1 + (i % 3),
    }));
    const envs = await Promise.all(
      Array.from({ length: 20 }, () => insertTestEnvironment(db.pool, { userId, steps: wide, now: clock.now() })),
    );
    await Promise.all([
      runner({ effect: recordEffect }, clock, "one").runUntilIdle(),
      runner({ effect: recordEffect }, clock, "two").runUntilIdle(),
    ]);
    expect(await effects()).toBe(20 * 8);
    const dupes = await all(
      `SELECT "environmentId", spec->>'stepKey' FROM sim_object WHERE kind = 'Effect' GROUP BY 1, 2 HAVING COUNT(*) > 1`,
    );
    expect(dupes).toEqual([]);
    for (const e of envs) expect(await envStatus(e.environmentId)).toBe("running");
    const runners = await all(
      `SELECT DISTINCT data->>'runner' AS runner FROM environment_event WHERE type = 'step.running' ORDER BY 1`,
    );
    expect(runners).toEqual([{ runner: "one" }, { runner: "two" }]);
  });

  it("takes over a step whose runner died once its lease expires", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, {
      userId,
      steps: diamond.slice(0, 1),
      now: clock.now(),
    });
    const [claimed] = await claimSteps(db.pool, { owner: "dead-runner", now: clock.now(), leaseMs: 60_000, limit: 1 });
    expect(claimed?.key).toBe("a");
    await runner({ effect: recordEffect }, clock).runUntilIdle();
    expect(await envStatus(environmentId)).toBe("running");
    expect((await stepRow(operationId, "a")).attempts).toBe(2);
    expect(await effects("a")).toBe(1);
    const takeover = await one<{ message: string }>(
      `SELECT message FROM environment_event WHERE message LIKE '%taken over%'`,
    );
    expect(takeover.message).toBe("A: taken over after its runner stopped responding (attempt 2 of 4).");
    // The dead runner, coming back, cannot commit anything.
    expect(await executeStep(db.pool, claimed!, execOptions("dead-runner", clock.now()))).toBe("lost");
    expect(await effects("a")).toBe(1);
  });

  it("a stopping runner hands its waiting steps back, and another finishes them without repeating anything", async () => {
    const { environmentId } = await insertTestEnvironment(db.pool, { userId, steps: diamond });
    const { realClock } = await import("./clock");
    const slow = createRunner({
      pool: db.pool,
      clock: realClock(1),
      handlers: { effect: recordEffect },
      encryptionKey: key,
      owner: "stopping",
    });
    slow.start();
    await expect.poll(() => count(`SELECT COUNT(*) AS n FROM step WHERE "leaseOwner" = 'stopping'`)).toBe(1);
    await slow.stop();
    expect(
      await count(`SELECT COUNT(*) AS n FROM step WHERE "leaseOwner" = 'stopping' AND "leaseExpiresAt" > now()`),
    ).toBe(0);
    await runner({ effect: recordEffect }, virtualClock(new Date()), "successor").runUntilIdle();
    expect(await envStatus(environmentId)).toBe("running");
    expect(await effects()).toBe(4);
  });

  it("cancels an install in flight: the running step cannot commit, the rest is cancelled, the name is released", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, {
      userId,
      steps: diamond,
      now: clock.now(),
    });
    const owner = "r1";
    const [a] = await claimSteps(db.pool, { owner, now: clock.now(), leaseMs: 60_000, limit: 10 });
    expect(await executeStep(db.pool, a!, execOptions(owner, clock.now()))).toBe("succeeded");
    const [b] = await claimSteps(db.pool, { owner, now: clock.now(), leaseMs: 60_000, limit: 1 });
    expect(await envStatus(environmentId)).toBe("installing");

    await requestCancel(db.pool, { environmentId, actorId: userId, now: clock.now() });
    expect(await envStatus(environmentId)).toBe("cancelling");
    expect(await executeStep(db.pool, b!, execOptions(owner, clock.now()))).toBe("lost");
    expect(await effects("b")).toBe(0);
    expect(await Promise.all(["b", "c", "d"].map(async (k) => (await stepRow(operationId, k)).status))).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
    ]);

    await runner({ effect: recordEffect }, clock).runUntilIdle();
    expect(await envStatus(environmentId)).toBe("cancelled");
    expect(await one(`SELECT "regionClaim", "ownerClaim" FROM environment WHERE id = $1`, environmentId)).toEqual({
      regionClaim: null,
      ownerClaim: null,
    });
    await expect(requestCancel(db.pool, { environmentId, actorId: userId, now: clock.now() })).rejects.toThrow(
      /Only an install in progress/,
    );
  });

  it("refuses a second operation while one is active, even when two requests race, and deletes a running environment", async () => {
    const clock = virtualClock();
    const { environmentId } = await insertTestEnvironment(db.pool, { userId, steps: diamond, now: clock.now() });
    await expect(requestDelete(db.pool, { environmentId, actorId: userId, now: clock.now() })).rejects.toThrow(
      "An install is in progress: cancel it first, or wait until it ends.",
    );
    await expect(requestRetry(db.pool, { environmentId, actorId: userId, now: clock.now() })).rejects.toThrow(
      "Only a failed environment or a failed change can be retried.",
    );
    await runner({ effect: recordEffect }, clock).runUntilIdle();
    const raced = await Promise.allSettled(
      Array.from({ length: 5 }, () => requestDelete(db.pool, { environmentId, actorId: userId, now: clock.now() })),
    );
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      await count(`SELECT COUNT(*) AS n FROM operation WHERE "environmentId" = $1 AND type = 'delete'`, environmentId),
    ).toBe(1);
    await expect(requestDelete(db.pool, { environmentId, actorId: userId, now: clock.now() })).rejects.toThrow(
      "Delete is already in progress.",
    );
    await runner({ effect: recordEffect }, clock).runUntilIdle();
    expect(await envStatus(environmentId)).toBe("deleted");
  });
});
