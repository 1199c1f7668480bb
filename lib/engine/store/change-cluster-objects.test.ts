import crypto from "node:crypto";
import type { PoolClient } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { applyDeployment, type Sim } from "../sim";
import { createSimStateCache } from "../sim-state-cache";
import { insertTestEnvironment } from "../testing/insert-test-environment";
import { runEngineUntilIdle } from "../testing/run-engine-until-idle";
import { changeClusterObjects } from "./change-cluster-objects";
import { loadSimState } from "./load-sim-state";

const key = crypto.randomBytes(32).toString("base64");
const quota = { pods: 5000, objects: 5000 };
let db: TestDatabase;
let environmentId: string;

/** Statements sent on the pool's connections while `fn` runs. */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const patched = new WeakSet<PoolClient>();
  const onAcquire = (client: PoolClient) => {
    if (patched.has(client)) return;
    patched.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (counting) sent.push(typeof args[0] === "string" ? args[0] : (args[0] as { text: string }).text);
      return query(...args);
    };
  };
  let counting = true;
  db.pool.on("acquire", onAcquire);
  try {
    await fn();
  } finally {
    counting = false;
    db.pool.off("acquire", onAcquire);
  }
  return sent;
}

const web = (replicas: number) => (sim: Sim) => {
  const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" } };
  applyDeployment(sim, { namespace: "default", name: "web", image: "nginx:1.27", replicas, manifest });
  return () => undefined;
};
const configMap = (name: string) => (sim: Sim) => {
  sim.objects.apply({ kind: "ConfigMap", namespace: "default", name, spec: { manifest: { data: { a: "1" } } } });
  return () => undefined;
};
const rowsAt = async (version: number) =>
  (
    await db.pool.query<{ kind: string; name: string }>(
      `SELECT kind, name FROM sim_object WHERE "environmentId" = $1 AND version = $2 ORDER BY kind, name`,
      [environmentId, version],
    )
  ).rows;
const versionNow = async () =>
  Number(
    (await db.pool.query<{ v: string }>(`SELECT "simVersion" AS v FROM environment WHERE id = $1`, [environmentId]))
      .rows[0]!.v,
  );

beforeAll(async () => {
  db = await createTestDatabase({ max: 4 });
  const userId = await insertTestUser(db.pool);
  ({ environmentId } = await insertTestEnvironment(db.pool, { userId, name: "incremental" }));
  await runEngineUntilIdle(db.pool, { encryptionKey: key });
});
afterAll(() => db.cleanup());

describe("a write to a cluster's objects", () => {
  it("sends as many statements and writes as many rows with 300 pods as with 20", async () => {
    const cache = createSimStateCache();
    const measure = async (replicas: number, name: string) => {
      await changeClusterObjects(db.pool, environmentId, web(replicas), { quota, cache });
      const sent = await statementsOf(() =>
        changeClusterObjects(db.pool, environmentId, configMap(name), { quota, cache }),
      );
      return { statements: sent.length, rows: await rowsAt(await versionNow()) };
    };
    const small = await measure(20, "small");
    const large = await measure(300, "large");
    expect(small.statements).toBeGreaterThanOrEqual(3);
    expect(large.statements).toBe(small.statements);
    // The ConfigMap itself and the quota's count of the user's objects: nothing of the pods.
    expect(small.rows).toEqual([
      { kind: "ConfigMap", name: "small" },
      { kind: "ResourceQuota", name: "clusterport-quota" },
    ]);
    expect(large.rows).toEqual([
      { kind: "ConfigMap", name: "large" },
      { kind: "ResourceQuota", name: "clusterport-quota" },
    ]);
  });

  it("is read by another process as what changed since the state it holds, deletions included", async () => {
    const writer = createSimStateCache();
    const reader = createSimStateCache();
    const before = await loadSimState(db.pool, environmentId, reader);
    await changeClusterObjects(db.pool, environmentId, configMap("seen-elsewhere"), { quota, cache: writer });
    const after = await loadSimState(db.pool, environmentId, reader);
    expect(after.version).toBe(before.version + 1);
    expect(after.model.objects.get("ConfigMap", "default", "seen-elsewhere")).toBeDefined();
    // The pods were not read again: the reader's state shares them with the one it held.
    const pod = (s: typeof before) => s.model.objects.ofKind("Pod").find((p) => p.namespace === "default");
    expect(pod(after)).toBe(pod(before));

    await changeClusterObjects(
      db.pool,
      environmentId,
      (sim) => {
        sim.objects.delete({ kind: "ConfigMap", namespace: "default", name: "seen-elsewhere" });
        return () => undefined;
      },
      { quota, cache: writer },
    );
    const gone = await loadSimState(db.pool, environmentId, reader);
    expect(gone.model.objects.get("ConfigMap", "default", "seen-elsewhere")).toBeUndefined();
    expect(gone.model.objects.size).toBe(
      Number(
        (
          await db.pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1`, [
            environmentId,
          ])
        ).rows[0]!.n,
      ),
    );
  });

  it("that fails leaves the cached state as committed", async () => {
    const cache = createSimStateCache();
    const before = await loadSimState(db.pool, environmentId, cache);
    await expect(
      changeClusterObjects(
        db.pool,
        environmentId,
        (sim) => {
          sim.objects.apply({ kind: "ConfigMap", namespace: "default", name: "refused", spec: {} });
          throw new Error("refused");
        },
        { quota, cache },
      ),
    ).rejects.toThrow("refused");
    expect(cache.get(environmentId)?.model.objects.get("ConfigMap", "default", "refused")).toBeUndefined();
    expect(cache.get(environmentId)?.version).toBe(before.version);
  });
});
