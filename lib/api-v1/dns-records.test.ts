import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { useAppDatabase } from "@/lib/db/testing/use-app-database";
import { callApiV1 } from "./testing/call-api-v1";

/** /api/v1/dns-records on a real database: the simulated zone a person fills for the certificate manager. */
const userId = "dns-user";

const app = useAppDatabase({ env: { ENGINE_TIME_SCALE: "0" } });

beforeAll(async () => {
  await insertTestUser(app.db.pool, userId, "business");
  await insertTestUser(app.db.pool, "someone-else", "business");
}, 60_000);

const call = callApiV1;

async function token(owner: string, scope: "read" | "write") {
  const { createApiToken } = await import("@/lib/data/api-tokens/create-api-token");
  return (
    await createApiToken(
      owner,
      { name: `${scope}-${crypto.randomBytes(3).toString("hex")}`, scope },
      { userId: owner, via: "browser", ip: "127.0.0.1", userAgent: "vitest" },
    )
  ).token;
}

describe("DNS records", () => {
  it("are created, listed in zone order, refused with the field's reason, private to the account, and deleted", async () => {
    const write = await token(userId, "write");
    const read = await token(userId, "read");
    const a = await call("POST", "/dns-records", write, { name: "Shop.Example.com", type: "A", value: "198.18.3.4" });
    expect(a).toMatchObject({ status: 201, body: { name: "shop.example.com", type: "A", value: "198.18.3.4" } });
    expect(
      (
        await call("POST", "/dns-records", write, {
          name: "app.example.com",
          type: "CNAME",
          value: "demo.fra.clusterport.cloud",
        })
      ).status,
    ).toBe(201);
    expect(
      (await call("POST", "/dns-records", read, { name: "x.example.com", type: "A", value: "198.18.3.4" })).status,
    ).toBe(403);

    const refused = await call("POST", "/dns-records", write, {
      name: "www.example.com",
      type: "A",
      value: "not-an-address",
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("An A record's value is an IPv4 address such as 198.18.0.10.");
    const cnameBeside = await call("POST", "/dns-records", write, {
      name: "shop.example.com",
      type: "CNAME",
      value: "edge.example.net",
    });
    expect(cnameBeside.status).toBe(400);
    expect(JSON.stringify(cnameBeside.body)).toContain(
      "shop.example.com already has a record; a name with a CNAME can have no other record. Delete it first.",
    );
    const twice = await call("POST", "/dns-records", write, {
      name: "shop.example.com",
      type: "A",
      value: "198.18.3.4",
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain("shop.example.com already has this A record.");

    const list = await call("GET", "/dns-records", read);
    expect(
      list.body.items.map((r: { name: string; type: string; value: string }) => `${r.name} ${r.type} ${r.value}`),
    ).toEqual(["app.example.com CNAME demo.fra.clusterport.cloud", "shop.example.com A 198.18.3.4"]);
    const stranger = await token("someone-else", "write");
    expect((await call("GET", "/dns-records", stranger)).body.items).toEqual([]);
    expect((await call("DELETE", `/dns-records/${a.body.id}`, stranger)).status).toBe(404);

    expect((await call("DELETE", `/dns-records/${a.body.id}`, write)).status).toBe(204);
    expect((await call("GET", "/dns-records", read)).body.items).toHaveLength(1);
    const audit = await app.db.pool.query<{ action: string; target: string }>(
      `SELECT action, target FROM audit_event WHERE "userId" = $1 AND action LIKE 'dns.%' ORDER BY id`,
      [userId],
    );
    expect(audit.rows).toEqual([
      { action: "dns.create", target: "shop.example.com" },
      { action: "dns.create", target: "app.example.com" },
      { action: "dns.delete", target: "shop.example.com" },
    ]);
  });
});

describe("a certificate waiting for its DNS record", () => {
  it("shows in the environment's status, with the record to create, until the record made through the API lets it be issued", async () => {
    const engine = await import("@/lib/engine");
    const write = await token(userId, "write");
    expect((await call("POST", "/environments", write, { name: "waits", region: "eu-central" })).status).toBe(201);
    const clock = engine.virtualClock();
    const runner = (hook?: () => Promise<void>) =>
      engine
        .createRunner({
          pool: app.db.pool,
          clock,
          handlers: engine.stepHandlers,
          encryptionKey: process.env.ENCRYPTION_KEY!,
          onOutcome: (step, outcome) => {
            if (hook && step.name === "issue-certificate" && outcome === "retrying" && step.attempt === 1)
              void clock.busy(hook());
          },
        })
        .runUntilIdle();
    await runner();
    expect(
      (await call("POST", "/environments/waits/changes/certificate", write, { domain: "www.example.com" })).status,
    ).toBe(202);

    let waiting: unknown;
    await runner(async () => {
      waiting = (await call("GET", "/environments/waits/status", write)).body.waiting;
      expect(
        (
          await call("POST", "/dns-records", write, {
            name: "www.example.com",
            type: "CNAME",
            value: "waits.fra.clusterport.cloud",
          })
        ).status,
      ).toBe(201);
    });
    expect(waiting).toEqual([
      {
        step: "Issue a certificate for www.example.com",
        message: expect.stringMatching(
          /^www\.example\.com does not resolve to this cluster \(it does not resolve\)\. Create an A record www\.example\.com → 198\.1[89]\.\d+\.\d+ \(the cluster's ingress address\) or a CNAME www\.example\.com → waits\.fra\.clusterport\.cloud; then it is issued automatically\.$/,
        ),
        fixableBy: "user",
        action: expect.stringContaining("looked up again in 15 s"),
        nextAttemptAt: expect.any(String),
      },
    ]);
    const after = await call("GET", "/environments/waits/status", write);
    expect(after.body).toMatchObject({
      status: "running",
      operation: { type: "certificate", status: "succeeded" },
      waiting: [],
    });
    expect(after.body.endpoints.custom).toBe("https://www.example.com/");
  });
});
