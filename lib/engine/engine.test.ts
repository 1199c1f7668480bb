import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addons, ingressControllers } from "@/lib/catalog";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { virtualClock } from "./clock";
import type { EnvironmentResults } from "./finish-operation";
import { claimSteps } from "./claim-steps";
import { executeStep } from "./execute-step";
import { findAccountPlan } from "@/lib/catalog";
import { computePlan } from "@/lib/plan";
import { buildAddonSteps } from "./build-addon-steps";
import { requestAddons, requestCancel, requestDelete, requestRetry } from "./request-operations";
import { createRunner } from "./runner";
import { stepHandlers } from "./steps";
import { insertTestEnvironment } from "./testing/insert-test-environment";
import { createTestDatabase, insertTestUser } from "./testing/test-database";

const key = crypto.randomBytes(32).toString("base64");
let db: ReturnType<typeof createTestDatabase>;
let userId: string;

beforeEach(() => {
  db = createTestDatabase();
  userId = insertTestUser(db.conn);
});
afterEach(() => db.cleanup());

const run = (clock = virtualClock()) =>
  createRunner({ conn: db.conn, clock, handlers: stepHandlers, encryptionKey: key, concurrency: 128 }).runUntilIdle();

const env = (id: string) =>
  db.conn.prepare("SELECT status, results, regionClaim FROM environment WHERE id = ?").get(id) as {
    status: string;
    results: string | null;
    regionClaim: string | null;
  };
const count = (sql: string, ...args: unknown[]) => (db.conn.prepare(sql).get(...args) as { n: number }).n;
const failure = (environmentId: string) =>
  JSON.parse(
    (db.conn.prepare("SELECT error FROM operation WHERE environmentId = ? AND status = 'failed'").get(environmentId) as { error: string }).error,
  ) as { stepKey: string; message: string; fixableBy: string; action: string };

/** Every combination the plan allows: topology × storage × add-ons × ingress × deployment. */
function allCombinations(): Partial<InstallSettings>[] {
  const out: Partial<InstallSettings>[] = [];
  const deployments: Partial<InstallSettings>[] = [
    { deployment: "clean" },
    {
      deployment: "custom",
      custom: { kind: "helm", repositoryUrl: "https://charts.example.com", chart: "shop", chartVersion: "1.2.3", values: "replicaCount: 2", manifests: "" },
    },
    {
      deployment: "custom",
      custom: { kind: "manifests", repositoryUrl: "", chart: "", chartVersion: "", values: "", manifests: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n" },
    },
  ];
  for (const topology of ["development", "production"] as const)
    for (const storage of [true, false])
      for (let mask = 0; mask < 8; mask += 1) {
        const chosen = { monitoring: !!(mask & 1), tracing: !!(mask & 2), remoteApi: !!(mask & 4) };
        if (!storage && (chosen.monitoring || chosen.tracing)) continue;
        for (const ingress of ingressControllers)
          for (const d of deployments)
            out.push({ topology, workers: topology === "production" ? 2 : 1, storage, addons: chosen, ingress: ingress.id, ...d });
      }
  return out;
}

describe("engine with the simulated infrastructure", () => {
  it("installs every topology/option combination the plan allows to a healthy Running cluster", async () => {
    const combos = allCombinations();
    const envs = combos.map((settings, i) => ({ settings, ...insertTestEnvironment(db.conn, { userId, name: `combo-${i}`, settings }) }));
    await run();
    for (const e of envs) {
      const row = env(e.environmentId);
      expect(row.status, JSON.stringify(e.settings)).toBe("running");
      const results = JSON.parse(row.results!) as EnvironmentResults;
      expect(results.health.filter((h) => h.status === "FAIL")).toEqual([]);
      const notEnabled = results.health.filter((h) => h.status === "Not enabled").map((h) => h.component);
      for (const addon of addons) {
        const enabled = e.settings.addons![addon.id];
        expect(results.health.some((h) => h.status === "OK" && h.component.toLowerCase().includes(addon.id === "remoteApi" ? "remote api" : addon.id === "tracing" ? "jaeger" : "monitoring")) || !enabled).toBe(true);
      }
      if (!e.settings.storage) expect(notEnabled.join(" ")).toMatch(/storage/i);
      expect(results.endpoints.apiServer).toContain(e.settings.topology === "production" ? "mbl." : "k8sm.");
      expect(!!results.endpoints.remoteApi).toBe(e.settings.addons!.remoteApi);
    }
    expect(count("SELECT COUNT(*) AS n FROM (SELECT environmentId, nodeId FROM sim_machine GROUP BY 1, 2 HAVING COUNT(*) > 1)")).toBe(0);
  }, 60_000);

  it("heals transient faults by retrying, and says so in the history", async () => {
    const { environmentId } = insertTestEnvironment(db.conn, {
      userId,
      name: "flaky-network",
      settings: { topology: "production", workers: 3 },
      faults: { transientFailureRate: 0.3 },
    });
    await run();
    expect(env(environmentId).status).toBe("running");
    expect(count("SELECT COUNT(*) AS n FROM environment_event WHERE environmentId = ? AND type = 'step.retrying'", environmentId)).toBeGreaterThan(0);
  });

  it("stops on a permanent fault with who can fix it, and Retry takes it to Running without repeating finished steps", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = insertTestEnvironment(db.conn, { userId, faults: { named: ["worker-never-joins"] }, now: clock.now() });
    await run(clock);
    expect(env(environmentId).status).toBe("failed");
    expect(failure(environmentId)).toMatchObject({ stepKey: "connect-worker:cp-1", fixableBy: "platform" });
    expect(failure(environmentId).message).toMatch(/cp-1 did not join/);
    const succeededBefore = count("SELECT COUNT(*) AS n FROM step WHERE operationId = ? AND status = 'succeeded'", operationId);
    expect(succeededBefore).toBeGreaterThan(0);

    requestRetry(db.conn, { environmentId, actorId: userId, now: clock.now() });
    await run(clock);
    expect(env(environmentId).status).toBe("running");
    const repeated = count(
      "SELECT COUNT(*) AS n FROM (SELECT stepKey FROM environment_event WHERE operationId = ? AND type = 'step.succeeded' GROUP BY stepKey HAVING COUNT(*) > 1)",
      operationId,
    );
    expect(repeated).toBe(0);
  });

  it("gives up on a transient fault that never heals, after the last attempt, and Retry recovers", async () => {
    const clock = virtualClock();
    const { environmentId } = insertTestEnvironment(db.conn, { userId, faults: { named: ["registry-pull-error"] }, now: clock.now() });
    await run(clock);
    expect(env(environmentId).status).toBe("failed");
    expect(failure(environmentId)).toMatchObject({ stepKey: "install-components", fixableBy: "platform" });
    expect(failure(environmentId).message).toMatch(/gave up after 4 attempts/);
    expect(failure(environmentId).action).toMatch(/Retry/);
    requestRetry(db.conn, { environmentId, actorId: userId, now: clock.now() });
    await run(clock);
    expect(env(environmentId).status).toBe("running");
  });

  it("reports a user-fixable error for a chart that does not exist", async () => {
    const { environmentId } = insertTestEnvironment(db.conn, {
      userId,
      settings: {
        deployment: "custom",
        custom: { kind: "helm", repositoryUrl: "https://charts.example.invalid", chart: "shop", chartVersion: "", values: "", manifests: "" },
      },
    });
    await run();
    expect(env(environmentId).status).toBe("failed");
    expect(failure(environmentId)).toMatchObject({ stepKey: "deploy", fixableBy: "user" });
  });

  it("cancels an install mid-way and tears down every machine, object and secret it created", async () => {
    const clock = virtualClock();
    const { environmentId } = insertTestEnvironment(db.conn, { userId, settings: { topology: "production", workers: 2 }, now: clock.now() });
    const opts = { handlers: stepHandlers, owner: "r", encryptionKey: key, backoffMs: () => 0, scale: (ms: number) => ms };
    // Run the first wave of steps (instances, balancers, storage) and then the first control plane.
    for (let wave = 0; wave < 3; wave += 1) {
      for (const step of claimSteps(db.conn, { owner: "r", now: clock.now(), leaseMs: 60_000, limit: 100 })) {
        executeStep(db.conn, step, { ...opts, now: clock.now() });
      }
    }
    expect(count("SELECT COUNT(*) AS n FROM sim_machine WHERE environmentId = ? AND state = 'running'", environmentId)).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) AS n FROM environment_secret WHERE environmentId = ?", environmentId)).toBeGreaterThan(0);

    requestCancel(db.conn, { environmentId, actorId: userId, now: clock.now() });
    await run(clock);
    expect(env(environmentId).status).toBe("cancelled");
    expect(env(environmentId).regionClaim).toBeNull();
    expect(count("SELECT COUNT(*) AS n FROM sim_machine WHERE environmentId = ? AND state != 'removed'", environmentId)).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM sim_object WHERE environmentId = ?", environmentId)).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM environment_secret WHERE environmentId = ?", environmentId)).toBe(0);
  });

  it("deletes a running cluster, releases its name and records what was removed", async () => {
    const clock = virtualClock();
    const { environmentId } = insertTestEnvironment(db.conn, {
      userId,
      name: "to-delete",
      settings: { addons: { monitoring: true, tracing: true, remoteApi: true } },
      now: clock.now(),
    });
    await run(clock);
    expect(env(environmentId).status).toBe("running");
    requestDelete(db.conn, { environmentId, actorId: userId, now: clock.now() });
    await run(clock);
    expect(env(environmentId).status).toBe("deleted");
    expect(env(environmentId).regionClaim).toBeNull();
    expect(count("SELECT COUNT(*) AS n FROM sim_machine WHERE environmentId = ? AND state != 'removed'", environmentId)).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM environment_secret WHERE environmentId = ?", environmentId)).toBe(0);
    const record = db.conn.prepare("SELECT message, data FROM environment_event WHERE environmentId = ? AND type = 'environment.deleted'").get(environmentId) as {
      message: string;
      data: string;
    };
    expect(JSON.parse(record.data).removedNodes).toEqual(["cp-1", "k8sm-1", "storage-1"]);
    expect(record.message).toMatch(/removed 3 nodes \(cp-1, k8sm-1, storage-1\).*to-delete\.fra\.clusterport\.cloud is free again/);
  });

  it("never writes a token or password in clear to logs or events", async () => {
    const { environmentId } = insertTestEnvironment(db.conn, { userId, settings: { addons: { monitoring: true, tracing: true, remoteApi: false } } });
    await run();
    const secrets = db.conn.prepare("SELECT ciphertext FROM environment_secret WHERE environmentId = ?").all(environmentId) as { ciphertext: string }[];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const { decryptSecret } = await import("@/lib/crypto/secret-box");
    const plain = secrets.map((s) => decryptSecret(s.ciphertext, key));
    const text = [
      ...(db.conn.prepare("SELECT message FROM log_line").all() as { message: string }[]).map((r) => r.message),
      ...(db.conn.prepare("SELECT message || data AS message FROM environment_event").all() as { message: string }[]).map((r) => r.message),
      ...(db.conn.prepare("SELECT COALESCE(output, '') AS message FROM step").all() as { message: string }[]).map((r) => r.message),
    ].join("\n");
    for (const p of plain) {
      expect(p.length).toBeGreaterThan(8);
      expect(text).not.toContain(p);
    }
  });

  it("activates add-ons on a running cluster as a day-2 operation, without touching what the install did", async () => {
    const clock = virtualClock();
    const { environmentId, operationId } = insertTestEnvironment(db.conn, { userId, name: "day-two", now: clock.now() });
    await run(clock);
    const row = db.conn.prepare("SELECT settings FROM environment WHERE id = ?").get(environmentId) as { settings: string };
    const settings = { ...(JSON.parse(row.settings) as InstallSettings), addons: { monitoring: true, tracing: false, remoteApi: true } };
    const plan = computePlan(settings, { plan: findAccountPlan("business")!, environmentsInUse: 0 });
    const steps = buildAddonSteps(plan, ["monitoring", "remoteApi"]);
    expect(steps.map((s) => [s.key, s.dependsOn])).toEqual([
      ["setup-remote-api", []],
      ["install-monitoring", []],
      ["check-health", ["setup-remote-api", "install-monitoring"]],
    ]);
    const installSteps = count("SELECT COUNT(*) AS n FROM step WHERE operationId = ?", operationId);

    requestAddons(db.conn, { environmentId, actorId: userId, now: clock.now(), settings, plan, steps, names: ["Monitoring", "Remote API access"] });
    expect(env(environmentId).status).toBe("updating");
    expect(() => requestDelete(db.conn, { environmentId, actorId: userId, now: clock.now() })).toThrow("Activate add-ons is already in progress.");
    await run(clock);

    expect(env(environmentId).status).toBe("running");
    const results = JSON.parse(env(environmentId).results!) as EnvironmentResults;
    expect(results.endpoints.grafana).toBe("https://day-two.fra.clusterport.cloud/grafana/");
    expect(results.health.find((h) => h.component.startsWith("Monitoring"))?.status).toBe("OK");
    expect(results.health.find((h) => h.component === "Remote API")?.status).toBe("OK");
    expect(count("SELECT COUNT(*) AS n FROM environment_secret WHERE environmentId = ? AND name = 'grafana-password'", environmentId)).toBe(1);
    expect(count("SELECT COUNT(*) AS n FROM step WHERE operationId = ?", operationId)).toBe(installSteps);
  });
});
