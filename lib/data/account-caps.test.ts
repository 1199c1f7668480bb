import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { useAppDatabase } from "@/lib/db/testing/use-app-database";

/**
 * Every count limit of an account holds when its requests come at once: truly parallel API v1 calls (each on a
 * connection of its own) against a real database, the account a few short of its cap, its inserts slowed so the
 * requests surely overlap. Counting without a lock lets all of them through; the account's lock lets exactly
 * the remainder through.
 */
let dispatchV1: typeof import("@/lib/api-v1/dispatch").dispatchV1;
let maxActiveTokens: number;
let maxWebhookEndpoints: number;

const app = useAppDatabase({ max: 25, env: { DATABASE_POOL_MAX: "25", API_RATE_LIMIT: "1000", ENGINE_TIME_SCALE: "0", WEBHOOKS_ALLOW_PRIVATE: "false" } });

beforeAll(async () => {
  ({ dispatchV1 } = await import("@/lib/api-v1/dispatch"));
  ({ maxActiveTokens } = await import("./api-tokens/create-api-token"));
  ({ maxWebhookEndpoints } = await import("./webhooks/webhook-views"));
}, 60_000);

/** A user on `plan` with one write token, made the way the Account page makes one. */
async function account(plan: string): Promise<{ userId: string; token: string }> {
  const userId = await insertTestUser(app.db.pool, `caps-${crypto.randomBytes(4).toString("hex")}`, plan);
  const { createApiToken } = await import("./api-tokens/create-api-token");
  const { token } = await createApiToken(userId, { name: "caps", scope: "write" }, { userId, via: "browser", ip: "", userAgent: "vitest" });
  return { userId, token };
}

/**
 * POSTs to `path` sent at once, each with its own body; their statuses. `token` is one token or one per request
 * (requests of one token queue briefly on its rate-limit counter; tokens of their own meet only at the cap).
 */
async function parallelPosts(token: string | string[], path: string, bodies: unknown[]): Promise<number[]> {
  const answers = await Promise.all(
    bodies.map((body, i) => {
      const url = `http://clusterport.test/api/v1${path}`;
      const bearer = typeof token === "string" ? token : token[i]!;
      const request = new Request(url, { method: "POST", headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      return dispatchV1(request, path.split("/").filter(Boolean));
    }),
  );
  return answers.map((a) => a.status);
}

/**
 * Makes every insert into `table` take 150 ms after its statement has counted (a BEFORE INSERT trigger, in
 * this test's database only), as a loaded database would: concurrent creations then overlap for certain,
 * instead of by chance. Returns the undo.
 */
async function slowInserts(table: string): Promise<() => Promise<void>> {
  await app.db.pool.query(`CREATE OR REPLACE FUNCTION test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.15); RETURN NEW; END $$`);
  await app.db.pool.query(`CREATE TRIGGER test_slow_insert BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION test_slow_insert()`);
  return async () => {
    await app.db.pool.query(`DROP TRIGGER test_slow_insert ON ${table}`);
  };
}

const count = async (sql: string, ...params: unknown[]) => Number((await app.db.pool.query<{ n: string }>(sql, params)).rows[0]!.n);

describe("account caps under concurrency", () => {
  it("API tokens: 20 parallel creations two short of the cap leave exactly the cap active", async () => {
    const { userId, token } = await account("business");
    const { createApiToken } = await import("./api-tokens/create-api-token");
    // Each request with its own write token: with the first, cap − 2 active tokens.
    const tokens = [token];
    for (let i = 1; i < 20; i++) tokens.push((await createApiToken(userId, { name: `writer-${i}`, scope: "write" }, { userId, via: "browser", ip: "", userAgent: "vitest" })).token);
    await app.db.pool.query(
      `INSERT INTO api_token (id, "userId", name, scope, prefix, hash, "createdAt")
       SELECT gen_random_uuid()::text, $1, 'existing-' || i, 'read', 'cp_xxxxxxx', md5(random()::text) || md5(random()::text), now() FROM generate_series(1, $2) AS i`,
      [userId, maxActiveTokens - 2 - tokens.length],
    );
    const undo = await slowInserts("api_token");
    const statuses = await parallelPosts(tokens, "/tokens", Array.from({ length: 20 }, (_, i) => ({ name: `parallel-${i}`, scope: "read" })));
    await undo();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 400)).toHaveLength(18);
    expect(await count(`SELECT count(*) AS n FROM api_token WHERE "userId" = $1 AND "revokedAt" IS NULL`, userId)).toBe(maxActiveTokens);
  });

  it("webhook endpoints: 20 parallel creations two short of the cap leave exactly the cap", async () => {
    const { userId, token } = await account("business");
    await app.db.pool.query(
      `INSERT INTO webhook_endpoint (id, "userId", url, description, events, secret, enabled, "createdAt")
       SELECT gen_random_uuid()::text, $1, 'https://93.184.215.14/existing-' || i, '', ARRAY['operation.failed'], 'unused', true, now() FROM generate_series(1, $2) AS i`,
      [userId, maxWebhookEndpoints - 2],
    );
    const undo = await slowInserts("webhook_endpoint");
    const statuses = await parallelPosts(token, "/webhooks", Array.from({ length: 20 }, (_, i) => ({ url: `https://93.184.215.14/hook-${i}`, events: ["operation.failed"] })));
    await undo();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 400)).toHaveLength(18);
    expect(await count(`SELECT count(*) AS n FROM webhook_endpoint WHERE "userId" = $1`, userId)).toBe(maxWebhookEndpoints);
  });

  it("DNS records: 20 parallel creations two short of the cap leave exactly the cap", async () => {
    const { userId, token } = await account("business");
    const { maxDnsRecords } = await import("./dns-records/dns-record-view");
    await app.db.pool.query(
      `INSERT INTO dns_record (id, "userId", name, type, value, "createdAt")
       SELECT gen_random_uuid()::text, $1, 'held-' || i || '.example.com', 'A', '198.51.100.7', now() FROM generate_series(1, $2) AS i`,
      [userId, maxDnsRecords - 2],
    );
    const undo = await slowInserts("dns_record");
    const statuses = await parallelPosts(token, "/dns-records", Array.from({ length: 20 }, (_, i) => ({ name: `rush-${i}.example.com`, type: "A", value: "198.51.100.8" })));
    await undo();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(18);
    expect(await count(`SELECT count(*) AS n FROM dns_record WHERE "userId" = $1`, userId)).toBe(maxDnsRecords);
  });

  it("environments: 10 parallel installs one short of the plan's quota make exactly one", async () => {
    const { userId, token } = await account("developer"); // at most 3 environments
    const first = await parallelPosts(token, "/environments", [{ name: "held-1", region: "eu-central" }, { name: "held-2", region: "eu-central" }]);
    expect(first).toEqual([201, 201]);
    const undo = await slowInserts("environment");
    const statuses = await parallelPosts(token, "/environments", Array.from({ length: 10 }, (_, i) => ({ name: `rush-${i}`, region: "eu-central" })));
    await undo();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(9);
    expect(await count(`SELECT count(*) AS n FROM environment WHERE "userId" = $1`, userId)).toBe(3);
  });
});
