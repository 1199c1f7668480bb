import { beforeAll, describe, expect, it } from "vitest";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { useAppDatabase } from "@/lib/db/testing/use-app-database";
import { runEngineUntilIdle } from "@/lib/engine/testing/run-engine-until-idle";
import { callApiV1, type ApiV1Answer } from "./testing/call-api-v1";

/**
 * What the pages ask of /api/v1 beside what scripts ask: the install dialog's name check, and the status page's
 * log (catching up after a line number, reading back before one, the whole log as a file), with the session.
 */
const userId = "page-user";

const app = useAppDatabase({ env: { ENGINE_TIME_SCALE: "0" } });

beforeAll(async () => {
  await insertTestUser(app.db.pool, userId, "business");
}, 60_000);

async function call(method: string, path: string, body?: unknown): Promise<ApiV1Answer> {
  const { createApiToken } = await import("@/lib/data/api-tokens/create-api-token");
  const { token } = await createApiToken(
    userId,
    { name: `t-${Math.random().toString(36).slice(2, 8)}`, scope: "write" },
    { userId, via: "browser", ip: "127.0.0.1", userAgent: "vitest" },
  );
  return callApiV1(method, path, token, body);
}

describe("the install dialog's name check", () => {
  it("says whether a name is free in a region, suggests one without a name, and asks for a region", async () => {
    expect((await call("POST", "/environments", { name: "taken-one", region: "eu-central" })).status).toBe(201);
    expect((await call("GET", "/environment-names?region=eu-central&name=free-one")).body).toMatchObject({
      name: "free-one",
      available: true,
      message: expect.stringMatching(/is available/),
    });
    expect((await call("GET", "/environment-names?region=eu-central&name=taken-one")).body).toMatchObject({
      available: false,
    });
    expect((await call("GET", "/environment-names?region=eu-central&name=Not_A_Name")).body.available).toBe(false);
    expect((await call("GET", "/environment-names?region=eu-central")).body).toEqual({
      suggestion: expect.any(String),
    });
    const missing = await call("GET", "/environment-names?name=free-one");
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: "region", message: "Choose a region." }]);
  });
});

describe("the status page's log", () => {
  it("follows after a line, reads back before one, and downloads every line as text", async () => {
    expect((await call("POST", "/environments", { name: "logged", region: "eu-central" })).status).toBe(201);
    await runEngineUntilIdle(app.db.pool);
    const all = await call("GET", "/environments/logged/logs?limit=1000");
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const seqs: number[] = all.body.items.map((l: { seq: number }) => l.seq);
    expect(seqs.length).toBeGreaterThan(6);
    const middle = seqs[3]!;

    const after = await call("GET", `/environments/logged/logs?after=${middle}&limit=2`);
    expect(after.body.items.map((l: { seq: number }) => l.seq)).toEqual(seqs.slice(4, 6));
    expect(after.body.nextCursor).not.toBeNull();
    const next = await call(
      "GET",
      `/environments/logged/logs?cursor=${encodeURIComponent(after.body.nextCursor)}&limit=1`,
    );
    expect(next.body.items.map((l: { seq: number }) => l.seq)).toEqual(seqs.slice(6, 7));

    const before = await call("GET", `/environments/logged/logs?before=${middle}&limit=2`);
    expect(before.body.items.map((l: { seq: number }) => l.seq)).toEqual(seqs.slice(1, 3));
    expect((await call("GET", "/environments/logged/logs?before=x")).status).toBe(400);

    const text = await call("GET", "/environments/logged/logs/text");
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.headers.get("content-disposition")).toBe('attachment; filename="logged-install.log"');
    const lines = (text.body as string).trimEnd().split("\n");
    expect(lines).toHaveLength(seqs.length);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\S+ (INFO |WARN |ERROR) \S+ \S+ ./);
  }, 60_000);
});

describe("fault injection", () => {
  it("is refused in words while the server has it off", async () => {
    expect((await call("POST", "/environments", { name: "faulty", region: "eu-central" })).status).toBe(201);
    const refused = await call("PUT", "/environments/faulty/faults", { named: ["worker-never-joins"] });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/FAULT_INJECTION=true/);
    expect((await call("PUT", "/environments/faulty/faults", { named: ["no-such-fault"] })).status).toBe(400);
  });
});
