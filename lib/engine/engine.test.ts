import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addons, findAccountPlan, ingressControllers } from "@/lib/catalog";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import { computePlan } from "@/lib/plan";
import { defaultInstallSettings, type InstallSettings } from "@/lib/validations/install-settings";
import { claimSteps } from "./claim-steps";
import { virtualClock } from "./clock";
import { executeStep } from "./execute-step";
import type { EnvironmentResults } from "./finish-operation";
import { requestCancel, requestDelete, requestRetry } from "./request-operations";
import { createRunner } from "./runner";
import { stepHandlers } from "./steps";
import { insertTestEnvironment } from "./testing/insert-test-environment";

const key = crypto.randomBytes(32).toString("base64");
let db: TestDatabase;
let userId: string;

beforeEach(async () => {
  db = await createTestDatabase({ max: 20 });
  userId = await insertTestUser(db.pool);
});
afterEach(() => db.cleanup());

const { one, all, count } = queryHelpers(() => db.pool);

const run = (clock = virtualClock()) =>
  createRunner({ pool: db.pool, clock, handlers: stepHandlers, encryptionKey: key, concurrency: 128 }).runUntilIdle();

const env = (id: string) =>
  one<{ status: string; results: EnvironmentResults | null; regionClaim: string | null }>(
    `SELECT status, results, "regionClaim" FROM environment WHERE id = $1`,
    id,
  );
const failure = async (environmentId: string) =>
  (
    await one<{ error: { stepKey: string; message: string; fixableBy: string; action: string } }>(
      `SELECT error FROM operation WHERE "environmentId" = $1 AND status = 'failed'`,
      environmentId,
    )
  ).error;

const envDefaults = (settings: Partial<InstallSettings>): InstallSettings => ({
  ...defaultInstallSettings("x", "eu-central"),
  ...settings,
});

/** Every combination the plan allows: topology × storage × add-ons × ingress × deployment. */
function allCombinations(): Partial<InstallSettings>[] {
  const out: Partial<InstallSettings>[] = [];
  const deployments: Partial<InstallSettings>[] = [
    { deployment: "clean" },
    {
      deployment: "custom",
      custom: {
        kind: "helm",
        repositoryUrl: "https://charts.example.com",
        chart: "shop",
        chartVersion: "1.2.3",
        values: "replicaCount: 2",
        manifests: "",
      },
    },
    {
      deployment: "custom",
      custom: {
        kind: "manifests",
        repositoryUrl: "",
        chart: "",
        chartVersion: "",
        values: "",
        manifests: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
      },
    },
  ];
  for (const topology of ["development", "production"] as const)
    for (const storage of [true, false])
      for (let mask = 0; mask < 8; mask += 1) {
        const chosen = { monitoring: !!(mask & 1), tracing: !!(mask & 2), remoteApi: !!(mask & 4) };
        if (!storage && (chosen.monitoring || chosen.tracing)) continue;
        for (const ingress of ingressControllers)
          for (const d of deployments)
            out.push({
              topology,
              workers: topology === "production" ? 2 : 1,
              storage,
              addons: chosen,
              ingress: ingress.id,
              ...d,
            });
      }
  return out;
}

describe("engine with the simulated infrastructure", () => {
  it("installs every topology/option combination the plan allows to a healthy Running cluster", async () => {
    const combos = allCombinations();
    const envs = [];
    for (const [i, settings] of combos.entries())
      envs.push({ settings, ...(await insertTestEnvironment(db.pool, { userId, name: `combo-${i}`, settings })) });
    await run();
    for (const e of envs) {
      const row = await env(e.environmentId);
      expect(row.status, JSON.stringify(e.settings)).toBe("running");
      const results = row.results!;
      expect(results.health.filter((h) => h.status === "FAIL")).toEqual([]);
      const notEnabled = results.health.filter((h) => h.status === "Not enabled").map((h) => h.component);
      for (const addon of addons) {
        const enabled = e.settings.addons![addon.id];
        expect(
          results.health.some(
            (h) =>
              h.status === "OK" &&
              h.component
                .toLowerCase()
                .includes(addon.id === "remoteApi" ? "remote api" : addon.id === "tracing" ? "jaeger" : "monitoring"),
          ) || !enabled,
        ).toBe(true);
      }
      if (!e.settings.storage) expect(notEnabled.join(" ")).toMatch(/storage/i);
      expect(results.endpoints.apiServer).toContain(e.settings.topology === "production" ? "mbl." : "k8sm.");
      expect(!!results.endpoints.remoteApi).toBe(e.settings.addons!.remoteApi);
    }
    // One machine per plan node, never two (the primary key would refuse it; the count proves none is missing).
    const planned = combos.reduce(
      (n, settings) =>
        n +
        computePlan({ ...envDefaults(settings) }, { plan: findAccountPlan("business")!, environmentsInUse: 0 }).totals
          .nodes,
      0,
    );
    expect(await count(`SELECT COUNT(*) AS n FROM sim_machine`)).toBe(planned);
  }, 180_000);

  it("heals transient faults by retrying, and says so in the history", async () => {
    const { environmentId } = await insertTestEnvironment(db.pool, {
      userId,
      name: "flaky-network",
      settings: { topology: "production", workers: 3 },
      faults: { transientFailureRate: 0.3 },
    });
    await run();
    expect((await env(environmentId)).status).toBe("running");
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM environment_event WHERE "environmentId" = $1 AND type = 'step.retrying'`,
        environmentId,
      ),
    ).toBeGreaterThan(0);
  });

  it("stops on a permanent fault with who can fix it, and Retry takes it to Running without repeating finished steps", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = await insertTestEnvironment(db.pool, {
      userId,
      faults: { named: ["worker-never-joins"] },
      now: clock.now(),
    });
    await run(clock);
    expect((await env(environmentId)).status).toBe("failed");
    expect(await failure(environmentId)).toMatchObject({ stepKey: "connect-worker:cp-1", fixableBy: "platform" });
    expect((await failure(environmentId)).message).toMatch(/cp-1 did not join/);
    const succeededBefore = await count(
      `SELECT COUNT(*) AS n FROM step WHERE "operationId" = $1 AND status = 'succeeded'`,
      operationId,
    );
    expect(succeededBefore).toBeGreaterThan(0);

    await requestRetry(db.pool, { environmentId, actorId: userId, now: clock.now() });
    await run(clock);
    expect((await env(environmentId)).status).toBe("running");
    const repeated = await count(
      `SELECT COUNT(*) AS n FROM (SELECT "stepKey" FROM environment_event WHERE "operationId" = $1 AND type = 'step.succeeded' GROUP BY "stepKey" HAVING COUNT(*) > 1) r`,
      operationId,
    );
    expect(repeated).toBe(0);
  });

  it("gives up on a transient fault that never heals, after the last attempt, and Retry recovers", async () => {
    const clock = virtualClock();
    const { environmentId } = await insertTestEnvironment(db.pool, {
      userId,
      faults: { named: ["registry-pull-error"] },
      now: clock.now(),
    });
    await run(clock);
    expect((await env(environmentId)).status).toBe("failed");
    expect(await failure(environmentId)).toMatchObject({ stepKey: "install-components", fixableBy: "platform" });
    expect((await failure(environmentId)).message).toMatch(/gave up after 4 attempts/);
    expect((await failure(environmentId)).action).toMatch(/Retry/);
    await requestRetry(db.pool, { environmentId, actorId: userId, now: clock.now() });
    await run(clock);
    expect((await env(environmentId)).status).toBe("running");
  });

  it("reports a user-fixable error for a chart that does not exist", async () => {
    const { environmentId } = await insertTestEnvironment(db.pool, {
      userId,
      settings: {
        deployment: "custom",
        custom: {
          kind: "helm",
          repositoryUrl: "https://charts.example.invalid",
          chart: "shop",
          chartVersion: "",
          values: "",
          manifests: "",
        },
      },
    });
    await run();
    expect((await env(environmentId)).status).toBe("failed");
    expect(await failure(environmentId)).toMatchObject({ stepKey: "deploy", fixableBy: "user" });
  });

  it("cancels an install mid-way and tears down every machine, object and secret it created", async () => {
    const clock = virtualClock();
    const { environmentId } = await insertTestEnvironment(db.pool, {
      userId,
      settings: { topology: "production", workers: 2 },
      now: clock.now(),
    });
    const opts = {
      handlers: stepHandlers,
      owner: "r",
      encryptionKey: key,
      backoffMs: () => 0,
      scale: (ms: number) => ms,
    };
    // Run the first wave of steps (instances, balancers, storage) and then the first control plane.
    for (let wave = 0; wave < 3; wave += 1) {
      for (const step of await claimSteps(db.pool, { owner: "r", now: clock.now(), leaseMs: 60_000, limit: 100 })) {
        await executeStep(db.pool, step, { ...opts, now: clock.now() });
      }
    }
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_machine WHERE "environmentId" = $1 AND state = 'running'`,
        environmentId,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM environment_secret WHERE "environmentId" = $1`, environmentId),
    ).toBeGreaterThan(0);

    await requestCancel(db.pool, { environmentId, actorId: userId, now: clock.now() });
    await run(clock);
    expect((await env(environmentId)).status).toBe("cancelled");
    expect((await env(environmentId)).regionClaim).toBeNull();
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_machine WHERE "environmentId" = $1 AND state <> 'removed'`,
        environmentId,
      ),
    ).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1`, environmentId)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM environment_secret WHERE "environmentId" = $1`, environmentId)).toBe(
      0,
    );
  });

  it("deletes a running cluster, releases its name and records what was removed", async () => {
    const clock = virtualClock();
    const { environmentId } = await insertTestEnvironment(db.pool, {
      userId,
      name: "to-delete",
      settings: { addons: { monitoring: true, tracing: true, remoteApi: true } },
      now: clock.now(),
    });
    await run(clock);
    expect((await env(environmentId)).status).toBe("running");
    await requestDelete(db.pool, { environmentId, actorId: userId, now: clock.now() });
    await run(clock);
    expect((await env(environmentId)).status).toBe("deleted");
    expect((await env(environmentId)).regionClaim).toBeNull();
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_machine WHERE "environmentId" = $1 AND state <> 'removed'`,
        environmentId,
      ),
    ).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM environment_secret WHERE "environmentId" = $1`, environmentId)).toBe(
      0,
    );
    const record = await one<{ message: string; data: { removedNodes: string[] } }>(
      `SELECT message, data FROM environment_event WHERE "environmentId" = $1 AND type = 'environment.deleted'`,
      environmentId,
    );
    expect(record.data.removedNodes).toEqual(["cp-1", "k8sm-1", "storage-1"]);
    expect(record.message).toMatch(
      /removed 3 nodes \(cp-1, k8sm-1, storage-1\).*to-delete\.fra\.clusterport\.cloud is free again/,
    );
  });

  it("never writes a token or password in clear to logs or events", async () => {
    const { environmentId } = await insertTestEnvironment(db.pool, {
      userId,
      settings: { addons: { monitoring: true, tracing: true, remoteApi: false } },
    });
    await run();
    const secrets = await all<{ ciphertext: string }>(
      `SELECT ciphertext FROM environment_secret WHERE "environmentId" = $1`,
      environmentId,
    );
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const { decryptSecret } = await import("@/lib/crypto/secret-box");
    const plain = secrets.map((s) => decryptSecret(s.ciphertext, key));
    const text = [
      ...(await all<{ message: string }>(`SELECT message FROM log_line`)).map((r) => r.message),
      ...(await all<{ message: string }>(`SELECT message || data::text AS message FROM environment_event`)).map(
        (r) => r.message,
      ),
      ...(await all<{ message: string }>(`SELECT COALESCE(output::text, '') AS message FROM step`)).map(
        (r) => r.message,
      ),
      ...(await all<{ message: string }>(`SELECT spec::text || status::text AS message FROM sim_object`)).map(
        (r) => r.message,
      ),
    ].join("\n");
    for (const p of plain) {
      expect(p.length).toBeGreaterThan(8);
      expect(text).not.toContain(p);
    }
  });
});
