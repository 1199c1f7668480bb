import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import type { WebhookEventType, WebhookPayload } from "@/lib/webhooks/event-types";
import { requestDelete } from "./request-operations";
import { startOperation } from "./start-operation";
import { engineTransaction } from "./store/engine-transaction";
import { insertTestEnvironment } from "./testing/insert-test-environment";
import { runEngineUntilIdle } from "./testing/run-engine-until-idle";

/**
 * Webhook events are a transactional outbox: the engine inserts their deliveries in the transaction that moves
 * the operation or the environment, so they exist exactly when the move committed.
 */
const key = crypto.randomBytes(32).toString("base64");
let db: TestDatabase;
let userId: string;

beforeEach(async () => {
  db = await createTestDatabase({ max: 20 });
  userId = await insertTestUser(db.pool);
});
afterEach(() => db.cleanup());

const { one, all, count } = queryHelpers(() => db.pool);
const run = () => runEngineUntilIdle(db.pool, { encryptionKey: key, concurrency: 64 });

async function endpoint(owner: string, events: WebhookEventType[], enabled = true): Promise<string> {
  const id = crypto.randomUUID();
  await db.pool.query(
    `INSERT INTO webhook_endpoint (id, "userId", url, events, secret, enabled) VALUES ($1, $2, 'https://203.0.113.10/hook', $3, 'v1.x.y.z', $4)`,
    [id, owner, events, enabled],
  );
  return id;
}

type Delivery = {
  endpointId: string;
  eventType: string;
  messageId: string;
  payload: WebhookPayload;
  status: string;
  xmin: string;
};
const deliveries = (endpointId: string) =>
  all<Delivery>(
    `SELECT "endpointId", "eventType", "messageId", payload, status, xmin::text FROM webhook_delivery WHERE "endpointId" = $1 ORDER BY "createdAt", "eventType"`,
    endpointId,
  );

describe("webhook outbox", () => {
  it("enqueues an install's events in the transactions of its moves, for subscribed and enabled endpoints of the owner only", async () => {
    const everything = await endpoint(userId, [
      "operation.started",
      "operation.succeeded",
      "environment.install.succeeded",
    ]);
    const succeededOnly = await endpoint(userId, ["operation.succeeded"]);
    const disabled = await endpoint(userId, ["operation.started", "operation.succeeded"], false);
    const otherOwner = await endpoint(await insertTestUser(db.pool, "user-2"), [
      "operation.started",
      "operation.succeeded",
    ]);
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, { userId, name: "hooked" });

    // The first claim starts the operation; when that transaction rolls back, neither the move nor its event happened.
    const now = new Date("2026-01-01T00:00:00.000Z");
    await expect(
      engineTransaction(db.pool, async (tx) => {
        await startOperation(tx, { id: operationId, type: "install", environmentId }, now);
        throw new Error("the process died before COMMIT");
      }),
    ).rejects.toThrow("the process died before COMMIT");
    expect(await count(`SELECT count(*) AS n FROM webhook_delivery`)).toBe(0);
    expect((await one<{ status: string }>(`SELECT status FROM operation WHERE id = $1`, operationId)).status).toBe(
      "queued",
    );

    await run();
    const sent = await deliveries(everything);
    expect(sent.map((d) => d.eventType)).toEqual([
      "operation.started",
      "environment.install.succeeded",
      "operation.succeeded",
    ]);
    expect(sent.every((d) => d.status === "pending" && /^msg_[0-9a-f]{32}$/.test(d.messageId))).toBe(true);

    // Same transaction: each delivery was written by the transaction that wrote its move.
    const started = await one<{ xmin: string }>(
      `SELECT xmin::text FROM environment_event WHERE "environmentId" = $1 AND type = 'operation.running'`,
      environmentId,
    );
    const finished = await one<{ xmin: string; finishedAt: Date }>(
      `SELECT xmin::text, "finishedAt" FROM operation WHERE id = $1`,
      operationId,
    );
    expect(sent.find((d) => d.eventType === "operation.started")!.xmin).toBe(started.xmin);
    expect(sent.filter((d) => d.eventType !== "operation.started").map((d) => d.xmin)).toEqual([
      finished.xmin,
      finished.xmin,
    ]);

    const environment = { id: environmentId, name: "hooked" };
    const operation = { id: operationId, type: "install", summary: "Install" };
    expect(sent.find((d) => d.eventType === "operation.started")!.payload).toEqual({
      type: "operation.started",
      timestamp: expect.stringMatching(/^2026-01-01T/),
      data: { environment: { ...environment, status: "installing" }, operation: { ...operation, status: "running" } },
    });
    const succeeded = sent.find((d) => d.eventType === "operation.succeeded")!;
    expect(succeeded.payload).toEqual({
      type: "operation.succeeded",
      timestamp: finished.finishedAt.toISOString(),
      data: { environment: { ...environment, status: "running" }, operation: { ...operation, status: "succeeded" } },
    });

    // One message per event: every endpoint that gets it shares its webhook-id.
    expect((await deliveries(succeededOnly)).map((d) => [d.eventType, d.messageId])).toEqual([
      ["operation.succeeded", succeeded.messageId],
    ]);
    expect(await deliveries(disabled)).toEqual([]);
    expect(await deliveries(otherOwner)).toEqual([]);
  });

  it("tells a failed install with its error, and a deletion once the environment is gone", async () => {
    const hook = await endpoint(userId, ["operation.failed", "environment.install.failed", "environment.deleted"]);
    const { environmentId } = await insertTestEnvironment(db.pool, {
      userId,
      name: "doomed",
      faults: { named: ["worker-never-joins"] },
    });
    await run();
    const failed = await deliveries(hook);
    expect(failed.map((d) => d.eventType)).toEqual(["environment.install.failed", "operation.failed"]);
    const data = failed[1]!.payload.data;
    expect(data.environment.status).toBe("failed");
    expect(data.operation).toMatchObject({
      type: "install",
      status: "failed",
      error: {
        stepKey: expect.any(String),
        message: expect.any(String),
        fixableBy: expect.stringMatching(/^(user|platform)$/),
      },
    });

    await requestDelete(db.pool, { environmentId, actorId: userId, now: new Date("2026-01-01T01:00:00.000Z") });
    await run();
    const deleted = (await deliveries(hook)).filter((d) => d.eventType === "environment.deleted");
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.payload.data).toMatchObject({
      environment: { id: environmentId, name: "doomed", status: "deleted" },
      operation: { type: "delete", status: "succeeded", summary: "Delete" },
    });
  });
});
