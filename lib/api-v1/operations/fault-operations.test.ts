import { beforeAll, describe, expect, it } from "vitest";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { useAppDatabase } from "@/lib/db/testing/use-app-database";
import { callApiV1 } from "../testing/call-api-v1";

/** PUT /api/v1/environments/<name>/faults on a server started with FAULT_INJECTION=true, as the e2e journeys use it. */
const userId = "fault-user";

const app = useAppDatabase({ env: { ENGINE_TIME_SCALE: "0", FAULT_INJECTION: "true" } });

beforeAll(async () => {
  await insertTestUser(app.db.pool, userId, "business");
}, 60_000);

const call = callApiV1;

describe("setEnvironmentFaults", () => {
  it("stores the faults with their defaults, refuses an unknown one on its field, and 404s another account's environment", async () => {
    const { createApiToken } = await import("@/lib/data/api-tokens/create-api-token");
    const { token } = await createApiToken(
      userId,
      { name: "faults", scope: "write" },
      { userId, via: "browser", ip: "127.0.0.1", userAgent: "vitest" },
    );
    expect((await call("POST", "/environments", token, { name: "faulty", region: "eu-central" })).status).toBe(201);

    const stored = await call("PUT", "/environments/faulty/faults", token, { named: ["worker-never-joins"] });
    expect({ status: stored.status, body: stored.body }).toEqual({
      status: 200,
      body: { faults: { transientFailureRate: 0, named: ["worker-never-joins"] } },
    });
    const { rows } = await app.db.pool.query(`SELECT faults FROM environment WHERE name = 'faulty'`);
    expect(rows[0].faults).toMatchObject({ named: ["worker-never-joins"] });

    const refused = await call("PUT", "/environments/faulty/faults", token, { named: ["no-such-fault"] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e: { field: string }) => e.field)).toEqual(["named.0"]);
    expect((await call("PUT", "/environments/someone-elses/faults", token, {})).status).toBe(404);
  });

  it("lets an install carry faults beside its settings, stored before its first step", async () => {
    const { createApiToken } = await import("@/lib/data/api-tokens/create-api-token");
    const { token } = await createApiToken(
      userId,
      { name: "install-faults", scope: "write" },
      { userId, via: "browser", ip: "127.0.0.1", userAgent: "vitest" },
    );
    const created = await call("POST", "/environments", token, {
      name: "faulty-install",
      region: "eu-central",
      faults: { transientFailureRate: 0.2 },
    });
    expect({ status: created.status, name: created.body.name }).toEqual({ status: 201, name: "faulty-install" });
    expect(created.body).not.toHaveProperty("settings.faults");
    const { rows } = await app.db.pool.query(`SELECT faults FROM environment WHERE name = 'faulty-install'`);
    expect(rows[0].faults).toEqual({ transientFailureRate: 0.2, named: [] });
  });
});
