import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPool } from "@/lib/db/pool";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import { runEngineUntilIdle } from "@/lib/engine/testing/run-engine-until-idle";
import { resolveHost, type Resolve } from "./check-webhook-url";
import {
  attemptDelivery,
  claimDueDeliveries,
  deliveryRetentionMs,
  sweepOldDeliveries,
  deliveryLeaseMs,
  type DeliveryDeps,
} from "./deliver-webhooks";
import { retryScheduleMs } from "./retry-schedule";
import { sendWebhook, type SendWebhook } from "./send-webhook";

/**
 * Deliveries on a real database to a real receiver (node:http on 127.0.0.1, so private addresses are allowed
 * here): Standard Webhooks signatures checked with the `standardwebhooks` library, the retry schedule on a fake
 * clock, redelivery, the SSRF guard again at delivery time, and two delivery loops that never send one attempt
 * twice.
 */
const key = crypto.randomBytes(32).toString("base64");
const userId = "hook-user";
const audit = { userId, via: "browser", ip: "127.0.0.1", userAgent: "vitest" };
let db: TestDatabase;
let data: {
  create: typeof import("@/lib/data/webhooks/create-webhook-endpoint").createWebhookEndpoint;
  redeliver: typeof import("@/lib/data/webhooks/redeliver-webhook").redeliverWebhook;
  deliveries: typeof import("@/lib/data/webhooks/list-webhook-deliveries").listWebhookDeliveries;
  delivery: typeof import("@/lib/data/webhooks/get-webhook-delivery").getWebhookDelivery;
  update: typeof import("@/lib/data/webhooks/update-webhook-endpoint").updateWebhookEndpoint;
  rotate: typeof import("@/lib/data/webhooks/rotate-webhook-secret").rotateWebhookSecret;
};

/** What the receiver got, and how it answers the next request. */
type Received = { headers: Record<string, string>; body: string; host: string };
let received: Received[] = [];
let answer: { status: number; body?: string; delayMs?: number } = { status: 200 };
let receiver: http.Server;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase({ max: 10 });
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    ENCRYPTION_KEY: key,
    AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    WEBHOOKS_ALLOW_PRIVATE: "true",
  });
  await insertTestUser(db.pool, userId);
  data = {
    create: (await import("@/lib/data/webhooks/create-webhook-endpoint")).createWebhookEndpoint,
    redeliver: (await import("@/lib/data/webhooks/redeliver-webhook")).redeliverWebhook,
    deliveries: (await import("@/lib/data/webhooks/list-webhook-deliveries")).listWebhookDeliveries,
    delivery: (await import("@/lib/data/webhooks/get-webhook-delivery")).getWebhookDelivery,
    update: (await import("@/lib/data/webhooks/update-webhook-endpoint")).updateWebhookEndpoint,
    rotate: (await import("@/lib/data/webhooks/rotate-webhook-secret")).rotateWebhookSecret,
  };
  receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString("utf8"),
        host: request.headers.host ?? "",
      });
      const { status, body, delayMs } = answer;
      setTimeout(() => response.writeHead(status, { "content-type": "text/plain" }).end(body ?? ""), delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  const { closeDatabase } = await import("@/lib/db/database");
  await closeDatabase();
  await db.cleanup();
});

beforeEach(async () => {
  await db.pool.query(`DELETE FROM webhook_endpoint`);
  received = [];
  answer = { status: 200 };
});

const { one, all } = queryHelpers(() => db.pool);

/** The delivery loop's dependencies, on a clock the test moves. */
function deps(now: () => Date, extra: Partial<DeliveryDeps> = {}): DeliveryDeps {
  return {
    pool: db.pool,
    encryptionKey: key,
    now,
    timeScale: 1,
    allowPrivate: true,
    resolve: resolveHost,
    send: sendWebhook,
    ...extra,
  };
}

/** One tick of a delivery loop: claim what is due and attempt it all. */
async function pass(d: DeliveryDeps, limit = 50) {
  return Promise.all((await claimDueDeliveries(d, limit)).map((c) => attemptDelivery(d, c)));
}

async function enqueue(endpointId: string, at: Date, n = 1): Promise<string[]> {
  const ids = Array.from({ length: n }, () => `msg_${crypto.randomUUID().replaceAll("-", "")}`);
  const payload = {
    type: "operation.failed",
    timestamp: at.toISOString(),
    data: {
      environment: { id: "e", name: "demo", status: "failed" },
      operation: { id: "o", type: "install", status: "failed", summary: "Install" },
    },
  };
  await db.pool.query(
    `INSERT INTO webhook_delivery (id, "endpointId", "messageId", "eventType", payload, status, "nextAttemptAt", "createdAt")
     SELECT gen_random_uuid()::text, $1, m, 'operation.failed', $2, 'pending', $3, $3 FROM unnest($4::text[]) AS m`,
    [endpointId, payload, at, ids],
  );
  return ids;
}

const hook = () => `http://127.0.0.1:${port}/hook`;
const verify = (secret: string, r: Received) => new Webhook(secret).verify(r.body, r.headers);

describe("webhook delivery", () => {
  it("delivers an install's events, signed: the receiver verifies each with standardwebhooks", async () => {
    const { endpoint, secret } = await data.create(
      userId,
      {
        url: hook(),
        events: ["operation.started", "operation.succeeded", "environment.install.succeeded"],
        description: "CI",
      },
      audit,
    );
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await one<{ secret: string }>(`SELECT secret FROM webhook_endpoint WHERE id = $1`, endpoint.id);
    expect(stored.secret).toMatch(/^v1\./);
    expect(stored.secret).not.toContain(secret.slice(6));

    const { environmentId } = await insertTestEnvironment(db.pool, { userId, name: "signed" });
    await runEngineUntilIdle(db.pool, { encryptionKey: key, concurrency: 32 });
    expect(await pass(deps(() => new Date()))).toEqual(["succeeded", "succeeded", "succeeded"]);

    expect(received).toHaveLength(3);
    const payloads = received.map((r) => verify(secret, r) as { type: string; data: { environment: { id: string } } });
    expect(payloads.map((p) => p.type).sort()).toEqual([
      "environment.install.succeeded",
      "operation.started",
      "operation.succeeded",
    ]);
    expect(payloads.every((p) => p.data.environment.id === environmentId)).toBe(true);
    const first = received[0]!;
    expect(first.headers).toMatchObject({
      "content-type": "application/json",
      "webhook-id": expect.stringMatching(/^msg_/),
      "webhook-timestamp": expect.stringMatching(/^\d{10}$/),
    });
    expect(first.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(Object.keys(JSON.parse(first.body))).toEqual(["type", "timestamp", "data"]);
    expect(() => verify(`whsec_${crypto.randomBytes(32).toString("base64")}`, first)).toThrow(
      "No matching signature found",
    );

    const page = await data.deliveries(userId, endpoint.id, { limit: 2 });
    expect(page.more).toBe(true);
    expect(page.items[0]).toMatchObject({
      status: "succeeded",
      attempts: 1,
      maxAttempts: 8,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(page.items[0]!.lastDurationMs).toBeGreaterThanOrEqual(0);

    // A rotated secret signs every later attempt, and for 24 hours the old one too (two signatures); then only the new.
    const rotated = await data.rotate(userId, endpoint.id, audit);
    await data.redeliver(userId, endpoint.id, page.items[0]!.id, audit);
    await pass(deps(() => new Date()));
    expect(received[3]!.headers["webhook-signature"]).toMatch(/^v1,\S+ v1,\S+$/);
    expect(verify(rotated.secret, received[3]!)).toMatchObject({ type: expect.any(String) });
    expect(verify(secret, received[3]!)).toMatchObject({ type: expect.any(String) });
    await db.pool.query(
      `UPDATE webhook_endpoint SET "previousSecretUntil" = now() - interval '1 second' WHERE id = $1`,
      [endpoint.id],
    );
    await data.redeliver(userId, endpoint.id, page.items[0]!.id, audit);
    await pass(deps(() => new Date()));
    expect(() => verify(secret, received[4]!)).toThrow();
    expect(verify(rotated.secret, received[4]!)).toMatchObject({ type: expect.any(String) });

    const log = await all<{ action: string; details: object }>(
      `SELECT action, details FROM audit_event WHERE "userId" = $1 ORDER BY id`,
      userId,
    );
    expect(log.map((e) => e.action)).toEqual([
      "webhook.create",
      "webhook.update",
      "webhook.redeliver",
      "webhook.redeliver",
    ]);
    expect(JSON.stringify(log)).not.toContain(secret.slice(6, 20));
    expect(JSON.stringify(log)).not.toContain(rotated.secret.slice(6, 20));
  });

  it("retries a failing receiver on the Standard Webhooks schedule (scaled), then fails the delivery", async () => {
    answer = { status: 500, body: "boom\n" };
    const { endpoint, secret } = await data.create(userId, { url: hook(), events: ["operation.failed"] }, audit);
    const start = new Date("2026-03-01T00:00:00.000Z");
    await enqueue(endpoint.id, start);
    let now = start;
    const loop = deps(() => now, { timeScale: 0.2 });
    const at: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const wait = attempt === 1 ? 0 : retryScheduleMs[attempt - 2]! * 0.2;
      now = new Date(now.getTime() + wait - 1);
      expect(await pass(loop), `attempt ${attempt} is not due yet`).toEqual([]);
      now = new Date(now.getTime() + 1);
      expect(await pass(loop)).toEqual([attempt < 8 ? "retrying" : "failed"]);
      at.push(now.getTime());
    }
    expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual(retryScheduleMs.map((ms) => ms * 0.2));
    // Each attempt is signed for its own time.
    expect(received.map((r) => Number(r.headers["webhook-timestamp"]) * 1000)).toEqual(at);
    for (const r of received) {
      expect(r.headers["webhook-signature"]).toBe(
        new Webhook(secret).sign(
          r.headers["webhook-id"]!,
          new Date(Number(r.headers["webhook-timestamp"]) * 1000),
          r.body,
        ),
      );
    }
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    now = new Date(now.getTime() + 100 * 3_600_000);
    expect(await pass(loop)).toEqual([]);
    const [failed] = (await data.deliveries(userId, endpoint.id, { limit: 10 })).items;
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 8,
      lastStatusCode: 500,
      lastError: "The endpoint answered 500 Internal Server Error: boom. Only a 2xx answer counts as delivered.",
      finishedAt: new Date(at[7]!).toISOString(),
      nextAttemptAt: null,
    });
  });

  it("disables an endpoint nothing has been delivered to for 5 days, says why, and enabling it clears that", async () => {
    answer = { status: 502 };
    const { endpoint } = await data.create(userId, { url: hook(), events: ["operation.failed"] }, audit);
    await db.pool.query(`UPDATE webhook_endpoint SET "createdAt" = now() - interval '6 days' WHERE id = $1`, [
      endpoint.id,
    ]);
    await enqueue(endpoint.id, new Date());
    // Its last attempt: the 8th.
    await db.pool.query(`UPDATE webhook_delivery SET attempts = 7 WHERE "endpointId" = $1`, [endpoint.id]);
    expect(await pass(deps(() => new Date()))).toEqual(["failed"]);
    const row = await one<{ enabled: boolean; disabledReason: string }>(
      `SELECT enabled, "disabledReason" FROM webhook_endpoint WHERE id = $1`,
      endpoint.id,
    );
    expect(row.enabled).toBe(false);
    expect(row.disabledReason).toMatch(
      /^Disabled on .* UTC: no delivery has succeeded for 5 days\. Fix the receiver, then enable it again\.$/,
    );
    const told = await one<{ via: string; details: { reason: string } }>(
      `SELECT via, details FROM audit_event WHERE action = 'webhook.disable' AND "userId" = $1`,
      userId,
    );
    expect(told.via).toBe("Clusterport (automatic)");
    const enabled = await data.update(userId, endpoint.id, { enabled: true }, audit);
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
  });

  it("redelivers a message: same webhook-id, new timestamp and signature, tried once", async () => {
    const { endpoint, secret } = await data.create(userId, { url: hook(), events: ["operation.failed"] }, audit);
    const [messageId] = await enqueue(endpoint.id, new Date());
    await pass(deps(() => new Date()));
    const [original] = (await data.deliveries(userId, endpoint.id, { limit: 10 })).items;
    expect(original).toMatchObject({ status: "succeeded", messageId });

    answer = { status: 503, body: "maintenance" };
    const again = await data.redeliver(userId, endpoint.id, original!.id, audit);
    expect(again).toMatchObject({
      status: "pending",
      messageId,
      redeliveryOf: original!.id,
      attempts: 0,
      maxAttempts: 1,
    });
    const later = () => new Date(Date.now() + 90_000);
    expect(await pass(deps(later))).toEqual(["failed"]);
    expect(await data.delivery(userId, endpoint.id, again.id)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastStatusCode: 503,
      payload: { type: "operation.failed" },
    });

    const [first, second] = received;
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(second!.headers["webhook-timestamp"]).not.toBe(first!.headers["webhook-timestamp"]);
    expect(second!.headers["webhook-signature"]).not.toBe(first!.headers["webhook-signature"]);
    expect(second!.body).toBe(first!.body);
    expect(verify(secret, first!)).toEqual(verify(secret, second!));

    await data.update(userId, endpoint.id, { enabled: false }, audit);
    await expect(data.redeliver(userId, endpoint.id, original!.id, audit)).rejects.toThrow(
      "This endpoint is disabled: enable it first, then redeliver.",
    );
    await expect(
      data.redeliver("someone-else", endpoint.id, original!.id, { ...audit, userId: "someone-else" }),
    ).rejects.toThrow("There is no such webhook endpoint in your account.");
  });

  it("forgets deliveries finished more than 30 days ago, never pending ones", async () => {
    const { endpoint } = await data.create(userId, { url: hook(), events: ["operation.failed"] }, audit);
    const start = new Date();
    await enqueue(endpoint.id, start, 3);
    await pass(deps(() => start));
    await enqueue(endpoint.id, new Date(start.getTime() + 3_600_000));
    const later = new Date(start.getTime() + deliveryRetentionMs + 1000);
    expect(await sweepOldDeliveries(deps(() => later))).toBe(3);
    const left = await all<{ status: string }>(
      `SELECT status FROM webhook_delivery WHERE "endpointId" = $1`,
      endpoint.id,
    );
    expect(left.map((d) => d.status)).toEqual(["pending"]);
  });

  it("connects to the address it checked, with the URL's own name as Host", async () => {
    const resolve: Resolve = async () => [{ address: "127.0.0.1", family: 4 }];
    const { endpoint, secret } = await data.create(
      userId,
      { url: `http://receiver.example.test:${port}/hook`, events: ["operation.failed"] },
      audit,
      resolve,
    );
    await enqueue(endpoint.id, new Date());
    const sent: string[] = [];
    const spy: SendWebhook = async (r) => {
      sent.push(r.address.address);
      return sendWebhook(r);
    };
    // The name is in no DNS: the request reaches the receiver only through the address the guard resolved.
    expect(await pass(deps(() => new Date(), { resolve, send: spy }))).toEqual(["succeeded"]);
    expect(sent).toEqual(["127.0.0.1"]);
    expect(received[0]!.host).toBe(`receiver.example.test:${port}`);
    expect(verify(secret, received[0]!)).toMatchObject({ type: "operation.failed" });
  });

  it("checks the address again at every attempt: a name rebound to a private address is refused, in words", async () => {
    let zone = ["93.184.215.14"];
    const resolve: Resolve = async () => zone.map((address) => ({ address, family: 4 as const }));
    const { endpoint } = await data.create(
      userId,
      { url: "https://hooks.example.test/clusterport", events: ["operation.failed"] },
      audit,
      resolve,
    );
    zone = ["93.184.215.14", "10.0.0.7"];
    await enqueue(endpoint.id, new Date());
    let sent = 0;
    expect(
      await pass(
        deps(() => new Date(), {
          allowPrivate: false,
          resolve,
          send: async () => ((sent += 1), { status: 200, statusText: "OK", location: null, body: "" }),
        }),
      ),
    ).toEqual(["retrying"]);
    expect(sent).toBe(0);
    expect((await data.deliveries(userId, endpoint.id, { limit: 1 })).items[0]!.lastError).toBe(
      "Not sent: hooks.example.test resolves to 10.0.0.7, a private address (RFC 1918): webhooks go only to public internet addresses, never into Clusterport's own network.",
    );
  });

  it("follows no redirect, reads at most 4 KiB of an answer and gives up after the timeout", async () => {
    const request = (path: string, timeoutMs = 2_000) =>
      sendWebhook({
        url: new URL(`http://127.0.0.1:${port}${path}`),
        address: { address: "127.0.0.1", family: 4 },
        headers: {},
        body: "{}",
        timeoutMs,
      });
    answer = { status: 302 };
    expect((await request("/moved")).status).toBe(302);
    answer = { status: 200, body: "x".repeat(1_000_000) };
    expect((await request("/big")).body).toHaveLength(4096);
    answer = { status: 200, delayMs: 1_000 };
    await expect(request("/slow", 200)).rejects.toThrow(
      "No answer within 0.2 s. Answer at once (queue the work) with a 2xx.",
    );
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      sendWebhook({
        url: new URL(`http://127.0.0.1:${closedPort}/`),
        address: { address: "127.0.0.1", family: 4 },
        headers: {},
        body: "{}",
        timeoutMs: 2_000,
      }),
    ).rejects.toThrow(`The connection to 127.0.0.1:${closedPort} was refused: nothing listens there.`);
  });

  it("never lets two delivery loops send the same attempt; a lease that ran out is taken over", async () => {
    answer = { status: 200, delayMs: 5 };
    const { endpoint } = await data.create(userId, { url: hook(), events: ["operation.failed"] }, audit);
    const ids = await enqueue(endpoint.id, new Date(), 30);
    const other = createPool(db.url, { max: 5 });
    try {
      const drain = async (d: DeliveryDeps) => {
        for (;;) if ((await pass(d, 4)).length === 0) return;
      };
      await Promise.all([drain(deps(() => new Date())), drain({ ...deps(() => new Date()), pool: other })]);
      expect(received.map((r) => r.headers["webhook-id"]).sort()).toEqual([...ids].sort());
      expect(await all(`SELECT 1 FROM webhook_delivery WHERE status <> 'succeeded' OR attempts <> 1`)).toEqual([]);

      // A process claims an attempt and dies with it: nobody else touches it until its lease runs out.
      received = [];
      const [late] = await enqueue(endpoint.id, new Date());
      const t0 = new Date(Date.now() + 1_000);
      const [held] = await claimDueDeliveries({ pool: db.pool, now: () => t0 }, 10);
      expect(held).toMatchObject({ messageId: late, attempt: 1 });
      expect(await pass({ ...deps(() => new Date(t0.getTime() + deliveryLeaseMs - 1)), pool: other })).toEqual([]);
      expect(await pass({ ...deps(() => new Date(t0.getTime() + deliveryLeaseMs)), pool: other })).toEqual([
        "succeeded",
      ]);
      // The first process wakes up late: its recording finds the attempt taken over and writes nothing.
      expect(
        await attemptDelivery(
          deps(() => new Date(), { send: async () => ({ status: 500, statusText: "", location: null, body: "" }) }),
          held!,
        ),
      ).toBe("lost");
      expect(
        await one(`SELECT status, attempts, "lastStatusCode" FROM webhook_delivery WHERE "messageId" = $1`, late),
      ).toEqual({ status: "succeeded", attempts: 2, lastStatusCode: 200 });
      expect(received).toHaveLength(1);
    } finally {
      await other.end();
    }
  });
});
