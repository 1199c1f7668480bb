import { randomBytes, randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { findAccountPlan } from "@/lib/catalog";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { NamedFault } from "@/lib/engine/faults";
import { seededRandom } from "@/lib/engine/random";
import type { SecretStore, StepContext, StepOutput } from "@/lib/engine/step-context";
import { StepError } from "@/lib/engine/step-error";
import { createTestDatabase, insertTestUser } from "@/lib/engine/testing/test-database";
import { computePlan, type EnvironmentPlan } from "@/lib/plan";
import { sqliteTime } from "@/lib/sqlite";
import { defaultInstallSettings, type InstallSettings } from "@/lib/validations/install-settings";
import { stepHandlers } from "../index";

export type HarnessStep = { key: string; name: string; node?: string };
export type RunOptions = { faults?: NamedFault[]; attempt?: number };
export type SimSnapshot = { machines: unknown[]; objects: unknown[]; secrets: unknown[] };

export type StepHarness = {
  conn: Database.Database;
  environment: StepContext["environment"];
  plan: EnvironmentPlan;
  /** Runs a handler in its own transaction, as the engine does; a throw rolls its effects back. */
  run(step: HarnessStep, options?: RunOptions): StepOutput | void;
  /**
   * Runs a handler in a transaction that COMMITS even when it throws, and returns the error: shows whether a
   * handler changed anything before failing.
   */
  attempt(step: HarnessStep, options?: RunOptions): StepError | undefined;
  /** Runs steps in order; stops at the first failure and rethrows it. Returns outputs by key. */
  runAll(steps: readonly HarnessStep[], options?: RunOptions): Map<string, StepOutput | void>;
  snapshot(): SimSnapshot;
  logLines(): { stepKey: string; level: string; message: string }[];
  secret(name: string): string | undefined;
  /** Stores a secret as a handler would (for tests that tamper with the store). */
  putSecret(name: string, value: string): void;
  /** The simulated clock; each run advances it by one second. */
  now(): Date;
  cleanup(): void;
};

/**
 * A real SQLite file with every migration, a user, and one environment whose settings are the dialog's
 * defaults overridden by `settings` (plan from computePlan). Step contexts mirror the engine's: a SecretStore
 * over environment_secret (AES-GCM with a random key), a random seeded per environment/step/attempt, log lines
 * written to log_line.
 */
export function createStepHarness(input: { settings?: Partial<InstallSettings>; name?: string } = {}): StepHarness {
  const db = createTestDatabase();
  const { conn } = db;
  const userId = insertTestUser(conn);
  const name = input.name ?? "demo";
  const settings: InstallSettings = { ...defaultInstallSettings(name, "eu-central"), ...input.settings, name };
  const plan = computePlan(settings, { plan: findAccountPlan("business")!, environmentsInUse: 0 });
  const id = randomUUID();
  const key = randomBytes(32).toString("base64");
  let clock = new Date("2026-01-01T00:00:00.000Z").getTime();
  const created = sqliteTime(new Date(clock));
  conn
    .prepare(
      `INSERT INTO environment (id, userId, name, region, domain, displayName, status, settings, plan, requestId,
         regionClaim, ownerClaim, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, 'installing', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, userId, name, settings.region, plan.domain, settings.displayName, JSON.stringify(settings), JSON.stringify(plan), randomUUID(), `${settings.region}/${name}`, `${userId}/${name}`, created, created);
  const environment: StepContext["environment"] = { id, name, domain: plan.domain, region: settings.region, settings, plan };
  const operationId = randomUUID();

  const secrets = (at: Date): SecretStore => ({
    put(secretName, value) {
      conn
        .prepare(
          `INSERT INTO environment_secret (environmentId, name, ciphertext, createdAt) VALUES (?, ?, ?, ?)
           ON CONFLICT (environmentId, name) DO UPDATE SET ciphertext = excluded.ciphertext`,
        )
        .run(id, secretName, encryptSecret(value, key), sqliteTime(at));
    },
    get(secretName) {
      const row = conn.prepare("SELECT ciphertext FROM environment_secret WHERE environmentId = ? AND name = ?").get(id, secretName) as
        | { ciphertext: string }
        | undefined;
      return row ? decryptSecret(row.ciphertext, key) : undefined;
    },
    delete(secretName) {
      conn.prepare("DELETE FROM environment_secret WHERE environmentId = ? AND name = ?").run(id, secretName);
    },
  });

  const contextFor = (step: HarnessStep, options: RunOptions): StepContext => {
    clock += 1000;
    const now = new Date(clock);
    const attempt = options.attempt ?? 1;
    return {
      conn,
      environment,
      operation: { id: operationId, type: "install" },
      step: { key: step.key, name: step.name, ...(step.node === undefined ? {} : { node: step.node }), attempt, maxAttempts: 4 },
      now,
      random: seededRandom(`${id}:${operationId}:${step.key}:${attempt}`),
      faults: new Set(options.faults ?? []),
      secrets: secrets(now),
      log: (message, level = "info") => {
        conn
          .prepare("INSERT INTO log_line (environmentId, operationId, stepKey, node, level, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .run(id, operationId, step.key, step.node ?? null, level, message, sqliteTime(now));
      },
    };
  };
  const handlerFor = (step: HarnessStep) => {
    const handler = stepHandlers[step.name];
    if (!handler) throw new Error(`No handler for step ${step.name}`);
    return handler;
  };

  const run = (step: HarnessStep, options: RunOptions = {}) => {
    const ctx = contextFor(step, options);
    return conn.transaction(() => handlerFor(step)(ctx))();
  };

  return {
    conn,
    environment,
    plan,
    run,
    attempt(step, options = {}) {
      const ctx = contextFor(step, options);
      let caught: unknown;
      conn.transaction(() => {
        try {
          handlerFor(step)(ctx);
        } catch (e) {
          caught = e;
        }
      })();
      if (caught !== undefined && !(caught instanceof StepError)) throw caught;
      return caught as StepError | undefined;
    },
    runAll(steps, options = {}) {
      const outputs = new Map<string, StepOutput | void>();
      for (const step of steps) outputs.set(step.key, run(step, options));
      return outputs;
    },
    snapshot() {
      return {
        machines: conn.prepare("SELECT * FROM sim_machine WHERE environmentId = ? ORDER BY nodeId").all(id),
        objects: conn.prepare("SELECT * FROM sim_object WHERE environmentId = ? ORDER BY kind, namespace, name").all(id),
        secrets: conn.prepare("SELECT * FROM environment_secret WHERE environmentId = ? ORDER BY name").all(id),
      };
    },
    logLines() {
      return conn.prepare("SELECT stepKey, level, message FROM log_line WHERE environmentId = ? ORDER BY id").all(id) as {
        stepKey: string;
        level: string;
        message: string;
      }[];
    },
    secret: (secretName) => secrets(new Date(clock)).get(secretName),
    putSecret: (secretName, value) => secrets(new Date(clock)).put(secretName, value),
    now: () => new Date(clock),
    cleanup: db.cleanup,
  };
}

/** The teardown graph in a valid order (as buildTeardownSteps orders it): drain workers, remove machines with k8sm-1 last, clean up. */
export function teardownSteps(conn: Database.Database, environmentId: string): HarnessStep[] {
  const machines = conn
    .prepare("SELECT nodeId, nodeGroup FROM sim_machine WHERE environmentId = ? AND state != 'removed' ORDER BY nodeId")
    .all(environmentId) as { nodeId: string; nodeGroup: string }[];
  const workers = machines.filter((m) => m.nodeGroup === "cp");
  const removals = [...machines.filter((m) => m.nodeId !== "k8sm-1"), ...machines.filter((m) => m.nodeId === "k8sm-1")];
  return [
    ...workers.map((w) => ({ key: `drain-node:${w.nodeId}`, name: "drain-node", node: w.nodeId })),
    ...removals.map((m) => ({ key: `remove-node:${m.nodeId}`, name: "remove-node", node: m.nodeId })),
    { key: "cleanup-environment", name: "cleanup-environment" },
  ];
}
