import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import { claimSteps } from "./claim-steps";
import { virtualClock } from "./clock";
import { executeStep } from "./execute-step";
import { requestCancel, requestRetry } from "./request-operations";
import { createRunner } from "./runner";
import type { StepHandler } from "./step-context";
import { permanentError } from "./step-error";
import { diamond } from "./testing/diamond-steps";
import { insertTestEnvironment } from "./testing/insert-test-environment";

const key = crypto.randomBytes(32).toString("base64");

let db: TestDatabase;
let userId: string;

beforeEach(async () => {
  db = await createTestDatabase();
  userId = await insertTestUser(db.pool);
});
afterEach(() => db.cleanup());

const { all } = queryHelpers(() => db.pool);

type EventRow = { seq: number; type: string; stepKey: string | null; actorId: string | null; from: string | null };
const eventsOf = (operationId: string, types: string[]) =>
  all<EventRow>(
    `SELECT seq, type, "stepKey", "actorId", data->>'from' AS "from" FROM environment_event WHERE "operationId" = $1 AND type = ANY($2) ORDER BY seq`,
    operationId,
    types,
  );
const stepStatuses = async (operationId: string) =>
  Object.fromEntries(
    (
      await all<{ key: string; status: string }>(`SELECT key, status FROM step WHERE "operationId" = $1`, operationId)
    ).map((r) => [r.key, r.status]),
  );
const execOptions = (owner: string, now: Date) => ({
  handlers: { effect: () => undefined },
  owner,
  now,
  encryptionKey: key,
  backoffMs: () => 0,
  scale: (ms: number) => ms,
});

describe("cancel and retry record every step they move", () => {
  it("cancel writes one step.cancelled event per unfinished step, from the state it left, with the operation's end", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, {
      userId,
      steps: diamond,
      now: clock.now(),
    });
    const owner = "r1";
    const [a] = await claimSteps(db.pool, { owner, now: clock.now(), leaseMs: 60_000, limit: 10 });
    expect(await executeStep(db.pool, a!, execOptions(owner, clock.now()))).toBe("succeeded");
    await claimSteps(db.pool, { owner, now: clock.now(), leaseMs: 60_000, limit: 1 });

    await requestCancel(db.pool, { environmentId, actorId: userId, now: clock.now() });

    const moved = await eventsOf(operationId, ["step.cancelled", "operation.cancelled"]);
    expect(moved.map(({ type, stepKey, actorId, from }) => ({ type, stepKey, actorId, from }))).toEqual([
      { type: "step.cancelled", stepKey: "b", actorId: userId, from: "running" },
      { type: "step.cancelled", stepKey: "c", actorId: userId, from: "pending" },
      { type: "step.cancelled", stepKey: "d", actorId: userId, from: "pending" },
      { type: "operation.cancelled", stepKey: null, actorId: userId, from: null },
    ]);
    // One event per step the statuses say was cancelled, and none for the step that had already succeeded.
    const statuses = await stepStatuses(operationId);
    expect(
      Object.entries(statuses)
        .filter(([, s]) => s === "cancelled")
        .map(([k]) => k)
        .sort(),
    ).toEqual(["b", "c", "d"]);
    expect(statuses.a).toBe("succeeded");
  });

  it("retry writes one step.pending event per failed step it resets, and none for the steps it leaves alone", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, {
      userId,
      steps: diamond,
      now: clock.now(),
    });
    const handler: StepHandler = (ctx) => {
      if (ctx.step.key === "c") throw permanentError("bad", "The chart does not exist.", "user", "Fix the chart.");
    };
    await createRunner({
      pool: db.pool,
      clock,
      handlers: { effect: handler },
      encryptionKey: key,
      durationJitter: 0,
    }).runUntilIdle();
    expect(await eventsOf(operationId, ["step.pending"])).toEqual([]);

    await requestRetry(db.pool, { environmentId, actorId: userId, now: clock.now() });

    const moved = await eventsOf(operationId, ["step.pending", "operation.retried"]);
    expect(moved.map(({ type, stepKey, actorId, from }) => ({ type, stepKey, actorId, from }))).toEqual([
      { type: "step.pending", stepKey: "c", actorId: userId, from: "failed" },
      { type: "operation.retried", stepKey: null, actorId: userId, from: null },
    ]);
    expect(await stepStatuses(operationId)).toEqual({ a: "succeeded", b: "succeeded", c: "pending", d: "pending" });
  });
});
