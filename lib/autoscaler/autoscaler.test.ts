import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAccountPlan } from "@/lib/catalog";
import { changeActions } from "@/lib/changes";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import {
  changeClusterObjects,
  createRunner,
  findMachineIds,
  stepHandlers,
  virtualClock,
  type Clock,
} from "@/lib/engine";
import { applyWorkload, type PodSpec, type PodStatus } from "@/lib/engine/sim";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { runAutoscaler, type AutoscalerState } from "./run-autoscaler";

const key = crypto.randomBytes(32).toString("base64");
let db: TestDatabase;
let userId: string;
let clock: Clock & { advance(ms: number): void };

beforeEach(async () => {
  db = await createTestDatabase({ max: 20 });
  userId = await insertTestUser(db.pool);
  clock = virtualClock();
});
afterEach(() => db.cleanup());

const { one, all } = queryHelpers(() => db.pool);
const run = () =>
  createRunner({ pool: db.pool, clock, handlers: stepHandlers, encryptionKey: key, concurrency: 32 }).runUntilIdle();
const workersOf = async (id: string) =>
  (await one<{ plan: EnvironmentPlan }>(`SELECT plan FROM environment WHERE id = $1`, id)).plan.nodeGroups
    .find((g) => g.id === "cp")!
    .nodes.map((n) => n.id);

/** A user's Deployment, as the cluster's API writes it: `replicas` pods requesting `cpu` millicores each. */
const deploy = (environmentId: string, replicas: number, cpuMillis: number, image = "api:1") =>
  changeClusterObjects(
    db.pool,
    environmentId,
    (sim) => {
      applyWorkload(sim, "Deployment", {
        namespace: "default",
        name: "api",
        image,
        replicas,
        requests: { cpuMillis, memoryBytes: 2 ** 20 },
        manifest: { spec: { template: { spec: { containers: [{ name: "api" }] } } } },
      });
      return () => undefined;
    },
    { now: clock.now() },
  );

const pods = async (environmentId: string) =>
  all<{ spec: PodSpec; status: PodStatus }>(
    `SELECT spec, status FROM sim_object WHERE "environmentId" = $1 AND kind = 'Pod' AND namespace = 'default'`,
    environmentId,
  );

async function installed(autoscaling: InstallSettings["autoscaling"]) {
  const { environmentId } = await insertTestEnvironment(db.pool, {
    userId,
    settings: { autoscaling },
    now: clock.now(),
  });
  await run();
  return environmentId;
}

describe("worker autoscaler", () => {
  it("adds workers for pods that wait for room, then removes a worker left idle, each decision in the activity", async () => {
    const id = await installed({ minWorkers: 1, maxWorkers: 3 });
    const autoscaler = await one<{ spec: { replicas: number } }>(
      `SELECT spec FROM sim_object WHERE "environmentId" = $1 AND name = 'cluster-autoscaler' AND kind = 'Deployment'`,
      id,
    );
    expect(autoscaler.spec.replicas).toBe(1);
    const state: AutoscalerState = new Map();
    const pass = (afterMs: number) =>
      runAutoscaler({ pool: db.pool, encryptionKey: key, now: new Date(clock.now().getTime() + afterMs), state });

    // One worker of 32 cloudlets has 12800m: twelve 1000m pods fit, eight wait.
    await deploy(id, 20, 1000);
    expect((await pods(id)).filter((p) => p.status.phase === "Pending")).toHaveLength(8);
    expect((await pass(5_000))[0]!.decision).toEqual({ kind: "none" }); // not waited long enough yet
    const [out] = await pass(31_000);
    expect(out!.decision).toMatchObject({ kind: "scale-out", workers: 2 });
    const operation = await one<{ type: string; actorId: string | null; params: { summary: string } }>(
      `SELECT type, "actorId", params FROM operation WHERE "environmentId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      id,
    );
    expect(operation).toMatchObject({ type: "scale-workers", actorId: null });
    expect(operation.params.summary).toBe(
      "autoscaler: 8 pods waited 30 s for room (Insufficient cpu): scales workers 1 → 2, adding cp-2",
    );
    await run();
    expect(await workersOf(id)).toEqual(["cp-1", "cp-2"]);
    expect((await pods(id)).every((p) => p.status.phase === "Running")).toBe(true);

    // Down to one pod: both workers are underused; ten minutes later the newest goes, its pods fitting elsewhere.
    await deploy(id, 1, 1000);
    expect((await pass(0))[0]!.decision).toEqual({ kind: "none" });
    const [later] = await pass(10 * 60_000 + 1_000);
    expect(later!.decision).toMatchObject({ kind: "scale-in", remove: "cp-2" });
    await run();
    expect(await workersOf(id)).toEqual(["cp-1"]);
    // At Minimum: nothing more to remove.
    expect((await pass(30 * 60_000))[0]!.decision).toEqual({ kind: "none" });
  });

  it("says once, in the activity, why it does not add a worker", async () => {
    const id = await installed({ minWorkers: 1, maxWorkers: 1 });
    const state: AutoscalerState = new Map();
    await deploy(id, 30, 1000);
    const pass = () =>
      runAutoscaler({ pool: db.pool, encryptionKey: key, now: new Date(clock.now().getTime() + 60_000), state });
    expect((await pass())[0]!.decision).toEqual({
      kind: "held",
      reason: "18 pods wait for room, but the cluster is at its maximum of 1 worker.",
    });
    await pass();
    const told = await all<{ message: string }>(
      `SELECT message FROM environment_event WHERE "environmentId" = $1 AND type = 'autoscaler'`,
      id,
    );
    expect(told.map((e) => e.message)).toEqual([
      "Autoscaler: 18 pods wait for room, but the cluster is at its maximum of 1 worker.",
    ]);

    await deploy(id, 1, 64_000, "api:2");
    expect((await pass())[0]!.decision).toMatchObject({
      kind: "held",
      reason: expect.stringMatching(/^1 pod request more CPU or memory than a whole worker has/),
    });
  });

  it("checks a range against the topology, today's workers and the plan's quotas", async () => {
    const id = await installed(undefined);
    const row = await one<{ settings: InstallSettings; plan: EnvironmentPlan }>(
      `SELECT settings, plan FROM environment WHERE id = $1`,
      id,
    );
    const ctx = {
      settings: row.settings,
      plan: row.plan,
      quota: { plan: findAccountPlan("developer")!, environmentsInUse: 0 },
      machineIds: await findMachineIds(db.pool, id),
      registry: null,
    };
    const refuse = (input: unknown) => {
      try {
        changeActions.autoscaling(ctx, input);
        return "accepted";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(refuse({ enabled: true, minWorkers: 3, maxWorkers: 2 })).toBe(
      "Maximum workers must be at least Minimum workers.",
    );
    expect(refuse({ enabled: true, minWorkers: 2, maxWorkers: 4 })).toBe(
      "The cluster has 1 worker: set Minimum to at most 1, or scale workers first.",
    );
    expect(refuse({ enabled: true, minWorkers: 1, maxWorkers: 50 })).toMatch(
      /^At 50 workers the cluster would exceed your plan: /,
    );
    expect(refuse({ enabled: false })).toBe("Worker autoscaling is already off.");
    const on = changeActions.autoscaling(ctx, { enabled: true, minWorkers: 1, maxWorkers: 2 });
    expect(on.steps.map((s) => s.key)).toEqual(["install-cluster-autoscaler", "check-health"]);
    expect(on.params.summary).toBe("turns worker autoscaling on: 1–2 workers");
  });
});
