import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { useAppDatabase } from "@/lib/db/testing/use-app-database";
import { runEngineUntilIdle } from "@/lib/engine/testing/run-engine-until-idle";

/**
 * /api/v1 on a real database, called as scripts call it: tokens and their scopes, expiry and revocation, the
 * problem+json format, pagination, idempotency, rate limits — and the contract test, which walks the OpenAPI
 * document and calls every operation it lists.
 */
const userId = "api-user";
let dispatchV1: typeof import("./dispatch").dispatchV1;

const app = useAppDatabase({ env: { API_RATE_LIMIT: "40", ENGINE_TIME_SCALE: "0" } });

beforeAll(async () => {
  await insertTestUser(app.db.pool, userId, "business");
  ({ dispatchV1 } = await import("./dispatch"));
}, 60_000);

type Answer = { status: number; headers: Headers; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read by path

async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = new URL(`http://clusterport.test/api/v1${path}`);
  const request = new Request(url, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
      ...opts.headers,
    },
    ...(opts.body !== undefined ? { body: typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body) } : {}),
  });
  const response = await dispatchV1(request, url.pathname.split("/").slice(3).filter(Boolean));
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    body: type.includes("json") && text ? JSON.parse(text) : text,
  };
}

/** A token made the way the Account page makes one. */
async function token(scope: "read" | "write", extra: Record<string, unknown> = {}) {
  const { createApiToken } = await import("@/lib/data/api-tokens/create-api-token");
  return (
    await createApiToken(
      userId,
      { name: `${scope}-${crypto.randomBytes(3).toString("hex")}`, scope, ...extra },
      { userId, via: "browser", ip: "127.0.0.1", userAgent: "vitest" },
    )
  ).token;
}

describe("tokens", () => {
  it("authenticate by scope: a read token reads and is refused writes (403); revoked, expired or malformed ones get 401", async () => {
    const read = await token("read");
    expect((await call("GET", "/account", { token: read })).body).toMatchObject({
      id: userId,
      via: expect.stringMatching(/^token:read-/),
    });
    const refused = await call("POST", "/environments", { token: read, body: { name: "nope", region: "eu-central" } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.body).toMatchObject({
      status: 403,
      code: "insufficient_scope",
      title: "Not allowed",
      instance: "/api/v1/environments",
      type: "http://clusterport.test/docs/api#problem-insufficient_scope",
    });
    expect(refused.body.detail).toMatch(/can only read; install a kubernetes cluster needs a Read and write token/);

    expect((await call("GET", "/account", { token: "cp_short" })).body.detail).toMatch(/not a Clusterport API token/);
    expect((await call("GET", "/account", { token: `cp_${"A".repeat(43)}` })).status).toBe(401);
    expect((await call("GET", "/account")).status).toBe(401);
    expect((await call("GET", "/account", { headers: { authorization: "Basic abc" } })).body.detail).toBe(
      "Send the API token as Authorization: Bearer cp_….",
    );

    const write = await token("write");
    const listed = await call("GET", "/tokens", { token: write });
    const mine = listed.body.items.find((t: { prefix: string }) => t.prefix === read.slice(0, 10));
    expect(mine).toMatchObject({ scope: "read", state: "active", lastUsedIp: "" });
    expect(JSON.stringify(listed.body)).not.toContain(read);
    expect((await call("DELETE", `/tokens/${mine.id}`, { token: write })).body.state).toBe("revoked");
    expect((await call("GET", "/account", { token: read })).body.detail).toMatch(/was revoked on \d{4}-\d{2}-\d{2}/);

    await app.db.pool.query(`UPDATE api_token SET "expiresAt" = now() - interval '1 day' WHERE prefix = $1`, [
      write.slice(0, 10),
    ]);
    expect((await call("GET", "/account", { token: write })).body.detail).toMatch(/expired on/);
    const { rows } = await app.db.pool.query(`SELECT hash FROM api_token`);
    expect(rows.every((r: { hash: string }) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it("limits each token's requests per minute: 429 with Retry-After", async () => {
    const t = await token("read");
    let last: Answer | undefined;
    for (let i = 0; i < 41; i += 1) last = await call("GET", "/account", { token: t });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("ratelimit-remaining")).toBe("0");
    expect(last!.body.code).toBe("rate_limited");
  });
});

describe("requests", () => {
  it("answer bad input as problem+json with each field's error, and unknown routes and methods in words", async () => {
    const t = await token("write");
    const bad = await call("POST", "/environments", {
      token: t,
      body: { name: "Bad Name!", region: "eu-central", workers: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: "workers" })]));
    expect((await call("POST", "/environments", { token: t, body: "{oops" })).body.detail).toMatch(
      /^The request body is not valid JSON/,
    );
    const typo = await call("POST", "/environments", {
      token: t,
      body: { name: "typo", region: "eu-central", wokers: 3 },
    });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body)).toContain("wokers");
    expect((await call("GET", "/nowhere", { token: t })).status).toBe(404);
    const method = await call("PUT", "/environments", { token: t, body: {} });
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET, POST");
    expect((await call("GET", "/environments?limit=0", { token: t })).body.errors[0]).toEqual({
      field: "limit",
      message: "limit must be from 1 to 200.",
    });
    expect((await call("GET", "/environments?cursor=zzz", { token: t })).body.errors[0].field).toBe("cursor");
  });

  it("refuses an install that carries faults on a server without FAULT_INJECTION, on its field, and creates nothing", async () => {
    const t = await token("write");
    const refused = await call("POST", "/environments", {
      token: t,
      body: { name: "no-faults", region: "eu-central", faults: { named: ["worker-never-joins"] } },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body.errors).toEqual([
      {
        field: "faults",
        message: expect.stringMatching(/^Fault injection is turned off on this server\..*FAULT_INJECTION=true/),
      },
    ]);
    const { rows } = await app.db.pool.query(`SELECT count(*)::int AS n FROM environment WHERE name = 'no-faults'`);
    expect(rows[0].n).toBe(0);
  });

  it("replays a POST with the same Idempotency-Key, and refuses the key for another request", async () => {
    const t = await token("write");
    const body = { name: "idem-1", region: "eu-central" };
    const first = await call("POST", "/environments", { token: t, body, headers: { "idempotency-key": "key-000001" } });
    expect(first.status).toBe(201);
    const again = await call("POST", "/environments", { token: t, body, headers: { "idempotency-key": "key-000001" } });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    const other = await call("POST", "/environments", {
      token: t,
      body: { ...body, name: "idem-2" },
      headers: { "idempotency-key": "key-000001" },
    });
    expect(other).toMatchObject({ status: 422, body: { code: "idempotency_key_reused" } });
    const { rows } = await app.db.pool.query(`SELECT count(*)::int AS n FROM environment WHERE name LIKE 'idem-%'`);
    expect(rows[0].n).toBe(1);
  });

  it("pages lists with a cursor", async () => {
    const t = await token("write");
    for (const name of ["page-a", "page-b", "page-c"])
      await call("POST", "/environments", { token: t, body: { name, region: "eu-central" } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Answer = await call("GET", `/environments?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token: t });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((e: { name: string }) => e.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((n) => n.startsWith("page-")).sort()).toEqual(["page-a", "page-b", "page-c"]);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe("what the CLI relies on", () => {
  it("the install body refuses a key that is not a setting as its own field; the catalogue lists the choices", async () => {
    const t = await token("write");
    const typo = await call("POST", "/environments", {
      token: t,
      body: { name: "typo-2", region: "eu-central", addons: { grafana: true } },
    });
    expect(typo.status).toBe(400);
    expect(typo.body.errors).toEqual([
      { field: "addons.grafana", message: "Not an add-on: use monitoring, tracing or remoteApi." },
    ]);
    const partial = await call("POST", "/plan", {
      token: t,
      body: { name: "partial", region: "eu-central", storage: true, addons: { monitoring: true } },
    });
    expect(partial.status, JSON.stringify(partial.body)).toBe(200);
    const catalog = await call("GET", "/catalog", { token: await token("read") });
    expect(catalog.status).toBe(200);
    expect(catalog.body.regions.map((r: { id: string }) => r.id)).toContain("eu-central");
  });

  it("a status carries the time elapsed, and the time left while the operation is queued or running", async () => {
    const t = await token("write");
    expect(
      (await call("POST", "/environments", { token: t, body: { name: "eta-1", region: "eu-central" } })).status,
    ).toBe(201);
    const queued = await call("GET", "/environments/eta-1/status", { token: t });
    expect(queued.body.operation.status).toBe("queued");
    expect(queued.body.progress).toMatchObject({
      elapsedSeconds: expect.any(Number),
      remainingSeconds: expect.any(Number),
    });
    await runEngineUntilIdle(app.db.pool);
    const done = await call("GET", "/environments/eta-1/status", { token: t });
    expect(done.body).toMatchObject({
      status: "running",
      operation: { status: "succeeded" },
      progress: { percent: 100, remainingSeconds: null },
    });
    expect(done.body.progress.elapsedSeconds).toBeGreaterThanOrEqual(0);
  }, 60_000);
});

describe("contract", () => {
  it("every operation of the OpenAPI document answers as the document says", async () => {
    let t = await token("write");
    let calls = 0;
    // A running cluster named as the examples name it.
    expect(
      (
        await call("POST", "/environments", {
          token: t,
          body: { name: "demo", region: "eu-central", addons: { monitoring: false, tracing: false, remoteApi: true } },
        })
      ).status,
    ).toBe(201);
    await runEngineUntilIdle(app.db.pool);
    const document = (await call("GET", "/openapi.json")).body as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { operationId: string; parameters: { name: string; in: string }[]; responses: Record<string, unknown> }
        >
      >;
    };
    expect(document.openapi).toBe("3.1.0");
    const { operations } = await import("./operations");
    const listed = Object.values(document.paths).flatMap((item) => Object.values(item).map((o) => o.operationId));
    expect(listed.sort()).toEqual(operations.map((o) => o.id).sort());

    // Deletion last, so the examples find the cluster.
    const ordered = [...operations].sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));
    for (const op of ordered) {
      const documented = document.paths[op.path]![op.method.toLowerCase()]!;
      const params = op.example?.params ?? {};
      const path = op.path.replace(
        /\{(\w+)\}/g,
        (_, name: string) => params[name] ?? (name === "id" ? crypto.randomUUID() : "demo"),
      );
      const query = new URLSearchParams(op.example?.query ?? {}).toString();
      // A fresh token every 30 operations: the rate limit is not what this test is about.
      if (++calls % 30 === 0) t = await token("write");
      const answer = await call(op.method, `${path}${query ? `?${query}` : ""}`, {
        token: t,
        ...(op.body ? { body: op.example?.body ?? {} } : {}),
      });
      expect(
        Object.keys(documented.responses),
        `${op.id} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`,
      ).toContain(String(answer.status));
      const schema = op.responses[answer.status]?.schema;
      if (schema) {
        const parsed = schema.safeParse(answer.body);
        expect(
          parsed.success,
          `${op.id}: ${parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))}`,
        ).toBe(true);
      }
    }
  }, 120_000);
});
