import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAccountPlan } from "@/lib/catalog";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import {
  createRunner,
  findMachineIds,
  findRegistryCredentials,
  ingressAddressFor,
  requestChange,
  requestDelete,
  requestRetry,
  requestRollback,
  setEnvironmentFaults,
  stepHandlers,
  virtualClock,
  type Clock,
  type EnvironmentResults,
  type NamedFault,
} from "@/lib/engine";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { changeActions, workerIds, type ChangeAction } from "./index";

const key = crypto.randomBytes(32).toString("base64");
let db: TestDatabase;
let userId: string;
let clock: Clock;

beforeEach(async () => {
  db = await createTestDatabase({ max: 20 });
  userId = await insertTestUser(db.pool);
  clock = virtualClock();
});
afterEach(() => db.cleanup());

const { one, all, count } = queryHelpers(() => db.pool);
const run = () =>
  createRunner({ pool: db.pool, clock, handlers: stepHandlers, encryptionKey: key, concurrency: 64 }).runUntilIdle();
const business = findAccountPlan("business")!;
const request = {
  get actorId() {
    return userId;
  },
  get now() {
    return clock.now();
  },
};

type Row = { status: string; settings: InstallSettings; plan: EnvironmentPlan; results: EnvironmentResults | null };
const environment = (id: string) =>
  one<Row>(`SELECT status, settings, plan, results FROM environment WHERE id = $1`, id);

/** Prepares a change against the environment as it is now, as lib/data does, and requests it. */
async function change(environmentId: string, action: ChangeAction, input: unknown) {
  const row = await environment(environmentId);
  const ctx = {
    settings: row.settings,
    plan: row.plan,
    quota: { plan: business, environmentsInUse: 0 },
    machineIds: await findMachineIds(db.pool, environmentId),
    registry: await findRegistryCredentials(db.pool, environmentId),
  };
  const prepared = changeActions[action](ctx, input);
  const operationId = await requestChange(db.pool, {
    environmentId,
    actorId: userId,
    now: clock.now(),
    ...prepared,
    encryptionKey: key,
  });
  return { prepared, operationId };
}

/** The account's simulated DNS answers `domain` with the cluster's ingress address (and nothing else). */
async function pointDomain(domain: string, environmentId: string) {
  await db.pool.query(`DELETE FROM dns_record WHERE "userId" = $1 AND name = $2`, [userId, domain]);
  await db.pool.query(`INSERT INTO dns_record (id, "userId", name, type, value) VALUES ($1, $2, $3, 'A', $4)`, [
    crypto.randomUUID(),
    userId,
    domain,
    ingressAddressFor(environmentId),
  ]);
}

async function installed(settings: Partial<InstallSettings> = {}, name?: string) {
  const { environmentId } = await insertTestEnvironment(db.pool, {
    userId,
    settings,
    now: clock.now(),
    ...(name ? { name } : {}),
  });
  if (settings.certificateDomain) await pointDomain(settings.certificateDomain, environmentId);
  await run();
  expect((await environment(environmentId)).status).toBe("running");
  return environmentId;
}

const machines = (environmentId: string) =>
  all<{ nodeId: string; state: string; facts: { mounts?: string[] } }>(
    `SELECT "nodeId", state, facts FROM sim_machine WHERE "environmentId" = $1 ORDER BY "nodeId"`,
    environmentId,
  );
const nodes = (environmentId: string) =>
  all<{ name: string; ready: boolean }>(
    `SELECT name, (status->>'ready')::boolean AS ready FROM sim_object WHERE "environmentId" = $1 AND kind = 'Node' ORDER BY name`,
    environmentId,
  );
const podsOn = (environmentId: string, node: string) =>
  all<{ name: string }>(
    `SELECT name FROM sim_object WHERE "environmentId" = $1 AND kind = 'Pod' AND spec->>'nodeName' = $2`,
    environmentId,
    node,
  );
const newestOperation = (environmentId: string) =>
  one<{
    id: string;
    type: string;
    status: string;
    error: { stepKey: string; stepTitle: string } | null;
    params: { summary: string };
  }>(
    `SELECT id, type, status, error, params FROM operation WHERE "environmentId" = $1 ORDER BY seq DESC LIMIT 1`,
    environmentId,
  );
const withFaults = (environmentId: string, named: NamedFault[]) =>
  setEnvironmentFaults(db.pool, environmentId, { transientFailureRate: 0, named }, null, clock.now());

describe("day-2 changes on the engine", () => {
  it("scales workers out with fresh ids and a fresh join token, then in by choice, never reusing an id", async () => {
    const id = await installed();
    const tokenBefore = await one<{ name: string }>(
      `SELECT name FROM sim_object WHERE "environmentId" = $1 AND name LIKE 'bootstrap-token-%'`,
      id,
    );

    const out = await change(id, "scale-workers", { workers: 3 });
    expect(out.prepared.diff.nodes).toMatchObject({
      added: [
        { id: "cp-2", group: "Workers" },
        { id: "cp-3", group: "Workers" },
      ],
      removed: [],
      before: 3,
      after: 5,
    });
    expect(out.prepared.diff.price.after.monthly).toBeGreaterThan(out.prepared.diff.price.before.monthly);
    expect(out.prepared.steps.map((s) => s.key)).toEqual([
      "create-join-token",
      "prepare-instance:cp-2",
      "connect-worker:cp-2",
      "prepare-instance:cp-3",
      "connect-worker:cp-3",
      "check-health",
    ]);
    expect((await environment(id)).status).toBe("updating");
    await expect(change(id, "remote-api", { enabled: true })).rejects.toThrow(
      "Scale workers is in progress; make this change once it has ended.",
    );
    await run();

    const after = await environment(id);
    expect(after.status).toBe("running");
    expect(after.settings.workers).toBe(3);
    expect(after.results!.health.filter((h) => h.status === "FAIL")).toEqual([]);
    expect(await nodes(id)).toEqual([
      { name: "cp-1", ready: true },
      { name: "cp-2", ready: true },
      { name: "cp-3", ready: true },
      { name: "k8sm-1", ready: true },
    ]);
    // The ingress controller is a DaemonSet on the workers: the new ones run it too.
    for (const worker of ["cp-2", "cp-3"])
      expect((await podsOn(id, worker)).some((p) => p.name.includes("ingress"))).toBe(true);
    const tokenAfter = await one<{ name: string }>(
      `SELECT name FROM sim_object WHERE "environmentId" = $1 AND name LIKE 'bootstrap-token-%'`,
      id,
    );
    expect(tokenAfter.name).not.toBe(tokenBefore.name);

    const inward = await change(id, "scale-workers", { workers: 1, remove: ["cp-1", "cp-2"] });
    expect(inward.prepared.diff.nodes.removed.map((n) => n.id)).toEqual(["cp-1", "cp-2"]);
    await run();
    expect(workerIds((await environment(id)).plan)).toEqual(["cp-3"]);
    expect((await machines(id)).filter((m) => m.state === "removed").map((m) => m.nodeId)).toEqual(["cp-1", "cp-2"]);
    // The sample app's pods moved to the remaining worker.
    expect((await podsOn(id, "cp-3")).some((p) => p.name.startsWith("hello-kubernetes"))).toBe(true);

    const again = await change(id, "scale-workers", { workers: 2 });
    expect(again.prepared.params).toMatchObject({ added: ["cp-4"] });
    await run();
    expect(workerIds((await environment(id)).plan)).toEqual(["cp-3", "cp-4"]);
    expect((await environment(id)).status).toBe("running");
  });

  it("refuses a scale that makes no sense, in words", async () => {
    const id = await installed({ topology: "production", workers: 2 });
    await expect(change(id, "scale-workers", { workers: 2 })).rejects.toThrow(
      "The cluster already has 2 workers; choose another number.",
    );
    await expect(change(id, "scale-workers", { workers: 1 })).rejects.toThrow(
      "Production clusters need at least 2 workers.",
    );
    await expect(change(id, "scale-workers", { workers: 3, remove: ["cp-1"] })).rejects.toThrow(
      "Workers to remove can be chosen only when scaling in.",
    );
    await change(id, "scale-workers", { workers: 3 });
    await run();
    await expect(change(id, "scale-workers", { workers: 2, remove: ["cp-9"] })).rejects.toThrow(
      "cp-9 is not a worker of this cluster; its workers are cp-1, cp-2, cp-3.",
    );
    await expect(change(id, "scale-workers", { workers: 2, remove: ["cp-1", "cp-2"] })).rejects.toThrow(
      "Going from 3 to 2 workers removes 1; you chose 2.",
    );
  });

  it("a failed scale-out leaves the cluster running, blocks other changes, and Retry finishes it", async () => {
    const id = await installed();
    await withFaults(id, ["worker-never-joins"]);
    await change(id, "scale-workers", { workers: 2 });
    await run();
    expect((await environment(id)).status).toBe("running");
    const failed = await newestOperation(id);
    expect(failed).toMatchObject({
      type: "scale-workers",
      status: "failed",
      error: { stepKey: "connect-worker:cp-2", stepTitle: "Join worker cp-2" },
    });
    await expect(change(id, "remote-api", { enabled: true })).rejects.toThrow(
      'Scale workers failed at "Join worker cp-2". Retry it or roll it back before making another change.',
    );

    await requestRetry(db.pool, { environmentId: id, ...request });
    expect((await environment(id)).status).toBe("updating");
    await run();
    expect((await environment(id)).status).toBe("running");
    expect((await newestOperation(id)).status).toBe("succeeded");
    expect(await nodes(id)).toContainEqual({ name: "cp-2", ready: true });
  });

  it("rolls a failed scale-out back: the half-added workers are removed and the old plan restored", async () => {
    const id = await installed();
    const before = await environment(id);
    await withFaults(id, ["worker-never-joins"]);
    await change(id, "scale-workers", { workers: 3 });
    await run();
    expect((await newestOperation(id)).status).toBe("failed");
    expect((await machines(id)).filter((m) => m.nodeId.startsWith("cp-")).map((m) => [m.nodeId, m.state])).toEqual([
      ["cp-1", "running"],
      ["cp-2", "running"],
      ["cp-3", "running"],
    ]);

    await requestRollback(db.pool, { environmentId: id, ...request });
    await run();
    const after = await environment(id);
    expect(after.status).toBe("running");
    expect(after.settings).toEqual(before.settings);
    expect(after.plan).toEqual(before.plan);
    expect(await newestOperation(id)).toMatchObject({ type: "rollback", status: "succeeded" });
    expect((await machines(id)).filter((m) => m.state === "removed").map((m) => m.nodeId)).toEqual(["cp-2", "cp-3"]);
    expect(await nodes(id)).toEqual([
      { name: "cp-1", ready: true },
      { name: "k8sm-1", ready: true },
    ]);
    await expect(requestRollback(db.pool, { environmentId: id, ...request })).rejects.toThrow(
      "There is nothing to roll back",
    );
    // Changes are possible again, and new workers continue past the removed ids.
    expect((await change(id, "scale-workers", { workers: 2 })).prepared.params).toMatchObject({ added: ["cp-4"] });
  });

  it("a blocked drain fails scaling in with the user's fix, and Retry completes it", async () => {
    const id = await installed({ workers: 2 });
    await withFaults(id, ["drain-blocked"]);
    await change(id, "scale-workers", { workers: 1 });
    await run();
    expect((await environment(id)).status).toBe("running");
    expect(await one(`SELECT error FROM operation WHERE "environmentId" = $1 AND status = 'failed'`, id)).toMatchObject(
      {
        error: {
          stepKey: "drain-node:cp-2",
          fixableBy: "user",
          action: "Relax the PodDisruptionBudget or add replicas, then retry.",
        },
      },
    );
    await expect(requestRollback(db.pool, { environmentId: id, ...request })).rejects.toThrow(
      "Scale workers added no nodes, so there is nothing to roll back; retry it instead.",
    );
    await requestRetry(db.pool, { environmentId: id, ...request });
    await run();
    expect(workerIds((await environment(id)).plan)).toEqual(["cp-1"]);
    expect((await machines(id)).find((m) => m.nodeId === "cp-2")?.state).toBe("removed");
  });

  it("adds storage to a cluster installed without it, which makes Monitoring possible", async () => {
    const id = await installed({ storage: false });
    expect(() =>
      changeActions.addons(
        {
          settings: {
            storage: false,
            addons: { monitoring: false, tracing: false, remoteApi: false },
          } as InstallSettings,
          plan: {} as EnvironmentPlan,
          quota: { plan: business, environmentsInUse: 0 },
          machineIds: [],
          registry: null,
        },
        { monitoring: true },
      ),
    ).toThrow("Monitoring needs NFS storage, which this cluster does not have. Add storage first.");
    const { prepared } = await change(id, "add-storage", {});
    expect(prepared.diff.nodes.added).toEqual([{ id: "storage-1", group: "Storage" }]);
    await run();
    const row = await environment(id);
    expect(row.status).toBe("running");
    expect(row.settings.storage).toBe(true);
    expect(
      (await machines(id)).filter((m) => m.nodeId !== "storage-1").every((m) => m.facts.mounts?.includes("/data")),
    ).toBe(true);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'StorageClass' AND (spec->>'isDefault')::boolean`,
        id,
      ),
    ).toBe(1);
    await expect(change(id, "add-storage", {})).rejects.toThrow("This cluster already has NFS storage.");

    await change(id, "addons", { monitoring: true });
    await run();
    const results = (await environment(id)).results!;
    expect(results.endpoints.grafana).toMatch(/\/grafana\/$/);
    expect(results.health.find((h) => h.component.startsWith("Monitoring"))?.status).toBe("OK");
  });

  it("removes an add-on with its data, and turns Remote API access off and on", async () => {
    const id = await installed({ addons: { monitoring: true, tracing: false, remoteApi: true } });
    await change(id, "remove-addon", { addon: "monitoring" });
    await run();
    let row = await environment(id);
    expect(row.settings.addons.monitoring).toBe(false);
    expect(row.results!.endpoints.grafana).toBeUndefined();
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND (namespace = 'kubernetes-monitoring' OR name = 'kubernetes-monitoring')`,
        id,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM environment_secret WHERE "environmentId" = $1 AND name = 'grafana-password'`,
        id,
      ),
    ).toBe(0);
    await expect(change(id, "remove-addon", { addon: "monitoring" })).rejects.toThrow(
      "Monitoring is not installed on this cluster.",
    );

    await change(id, "remote-api", { enabled: false });
    await run();
    row = await environment(id);
    expect(row.results!.endpoints.remoteApi).toBeUndefined();
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'Ingress' AND name = 'kubernetes-api'`,
        id,
      ),
    ).toBe(0);
    await change(id, "remote-api", { enabled: true });
    await run();
    expect((await environment(id)).results!.endpoints.remoteApi).toMatch(/\/api\/$/);
    expect((await environment(id)).results!.health.find((h) => h.component === "Remote API")?.status).toBe("OK");
  });

  it("an add-on chosen at install and the same add-ons added later end in the same cluster state", async () => {
    const everything = {
      storage: true,
      addons: { monitoring: true, tracing: true, remoteApi: true },
      certificateDomain: "shop.example.com",
    };
    const a = await installed(everything, "same-a");
    const b = await installed({ storage: false }, "same-b");
    await change(b, "add-storage", {});
    await run();
    await change(b, "addons", everything.addons);
    await run();
    await pointDomain("shop.example.com", b);
    await change(b, "certificate", { domain: "shop.example.com" });
    await run();
    expect((await environment(b)).settings).toEqual({ ...(await environment(a)).settings, name: "same-b" });
    const objects = async (environmentId: string, name: string) =>
      (
        await all<{ kind: string; namespace: string; name: string; spec: unknown; status: unknown }>(
          // Events tell the history, which differs by design (NodeReady once vs. twice…); the state is the rest.
          `SELECT kind, namespace, name, spec, status FROM sim_object WHERE "environmentId" = $1 AND kind <> 'Event' ORDER BY kind, namespace, name`,
          environmentId,
        )
      )
        // Per-cluster values: the domain, the private subnet, the CA hash, etcd member id, bootstrap token, volume names.
        .map((o) =>
          JSON.stringify(o)
            .replaceAll(name, "<name>")
            .replace(/10\.\d+\.(\d+)\.(\d+)/g, "10.<n>.$1.$2")
            .replace(/sha256:[0-9a-f]{64}/g, "<hash>")
            .replace(/"(memberId|tokenSecretSha256)":"[0-9a-f]+"/g, '"$1":"<id>"')
            .replace(/bootstrap-token-[a-z0-9]+/g, "bootstrap-token-<id>")
            .replace(/pvc-[a-z0-9]+-[a-z0-9]+/g, "pvc-<id>")
            .replace(/"(notBefore|notAfter)":"[^"]+"/g, '"$1":"<time>"'),
        );
    expect(await objects(b, "same-b")).toEqual(await objects(a, "same-a"));
  });

  it("upgrades one minor: control planes one at a time, then workers, each node's version changing", async () => {
    const id = await installed({ topology: "production", workers: 2, version: "1.36.5" });
    await expect(change(id, "upgrade", { version: "1.38.0" })).rejects.toThrow(
      "From v1.36.5 the cluster can go to v1.37.1: one minor at a time, never back.",
    );
    await expect(change(id, "upgrade", { version: "1.35.9" })).rejects.toThrow("one minor at a time, never back");
    const { prepared } = await change(id, "upgrade", { version: "1.37.1" });
    expect(prepared.steps.map((s) => [s.key, s.dependsOn])).toEqual([
      ["upgrade-control-plane:k8sm-1", []],
      ["upgrade-control-plane:k8sm-2", ["upgrade-control-plane:k8sm-1"]],
      ["upgrade-control-plane:k8sm-3", ["upgrade-control-plane:k8sm-2"]],
      ["upgrade-worker:cp-1", ["upgrade-control-plane:k8sm-3"]],
      ["upgrade-worker:cp-2", ["upgrade-worker:cp-1"]],
      ["check-health", ["upgrade-worker:cp-2"]],
    ]);
    await run();
    const row = await environment(id);
    expect(row.status).toBe("running");
    expect(row.settings.version).toBe("1.37.1");
    expect(row.results!.health.filter((h) => h.status === "FAIL")).toEqual([]);
    const versions = await all<{ name: string; v: string; unschedulable: boolean }>(
      `SELECT name, spec->>'kubeletVersion' AS v, (spec->>'unschedulable')::boolean AS unschedulable FROM sim_object WHERE "environmentId" = $1 AND kind = 'Node' ORDER BY name`,
      id,
    );
    expect(versions.every((n) => n.v === "v1.37.1" && !n.unschedulable)).toBe(true);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'Pod' AND spec->>'image' LIKE '%:v1.36.5'`,
        id,
      ),
    ).toBe(0);
    expect((await machines(id)).filter((m) => ["k8sm", "cp-"].some((p) => m.nodeId.startsWith(p))).length).toBe(5);
    // Nothing further to go to from the newest release.
    await expect(change(id, "upgrade", { version: "1.38.0" })).rejects.toThrow(
      "v1.37.1 is the newest Kubernetes Clusterport offers; there is nothing to upgrade to.",
    );
  });

  it("an upgrade interrupted by a worker that does not come back resumes on Retry, the cluster running meanwhile", async () => {
    const id = await installed({ workers: 2, version: "1.36.5" });
    await withFaults(id, ["kubelet-upgrade-fails"]);
    await change(id, "upgrade", { version: "1.37.1" });
    await run();
    expect((await environment(id)).status).toBe("running");
    expect(await newestOperation(id)).toMatchObject({ status: "failed", error: { stepKey: "upgrade-worker:cp-1" } });
    const nodeVersions = async () =>
      Object.fromEntries(
        (
          await all<{ name: string; v: string }>(
            `SELECT name, spec->>'kubeletVersion' AS v FROM sim_object WHERE "environmentId" = $1 AND kind = 'Node'`,
            id,
          )
        ).map((n) => [n.name, n.v]),
      );
    expect(await nodeVersions()).toEqual({ "k8sm-1": "v1.37.1", "cp-1": "v1.36.5", "cp-2": "v1.36.5" });
    await requestRetry(db.pool, { environmentId: id, ...request });
    await run();
    expect(await nodeVersions()).toEqual({ "k8sm-1": "v1.37.1", "cp-1": "v1.37.1", "cp-2": "v1.37.1" });
    expect((await newestOperation(id)).status).toBe("succeeded");
  });

  it("certificate manager: a domain refused by its rule, then issued, moved, and removed", async () => {
    const id = await installed();
    await expect(change(id, "certificate", { domain: "my_shop.example.com" })).rejects.toThrow(
      'Use only letters, digits and hyphens between the dots; "_" is not allowed.',
    );
    await expect(change(id, "certificate", { domain: "*.example.com" })).rejects.toThrow(
      /Wildcard names need a DNS-01 challenge/,
    );
    await pointDomain("shop.example.com", id);
    await withFaults(id, ["acme-challenge-fails"]);
    await change(id, "certificate", { domain: "Shop.Example.com" });
    await run();
    expect(await newestOperation(id)).toMatchObject({
      status: "failed",
      error: { stepKey: "issue-certificate", fixableBy: "user" },
    });
    expect((await environment(id)).status).toBe("running");
    await requestRetry(db.pool, { environmentId: id, ...request });
    await run();
    let row = await environment(id);
    expect(row.settings.certificateDomain).toBe("shop.example.com");
    expect(row.results!.endpoints.custom).toBe("https://shop.example.com/");
    expect(row.results!.health.find((h) => h.component === "Certificate")).toMatchObject({
      status: "OK",
      detail: expect.stringMatching(/^shop\.example\.com: Ready, valid until \d{4}-\d\d-\d\d/),
    });
    const ingress = () =>
      one<{ spec: { host: string; tlsSecretName: string } } | undefined>(
        `SELECT spec FROM sim_object WHERE "environmentId" = $1 AND kind = 'Ingress' AND name = 'custom-domain'`,
        id,
      );
    expect((await ingress())?.spec).toMatchObject({ host: "shop.example.com", tlsSecretName: "custom-domain-tls" });

    await pointDomain("www.example.org", id);
    await change(id, "certificate", { domain: "www.example.org" });
    await run();
    row = await environment(id);
    expect(row.results!.endpoints.custom).toBe("https://www.example.org/");
    expect((await ingress())?.spec.host).toBe("www.example.org");
    expect(
      await count(`SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'Certificate'`, id),
    ).toBe(1);

    await change(id, "remove-certificate", {});
    await run();
    row = await environment(id);
    expect(row.settings.certificateDomain).toBeUndefined();
    expect(row.results!.endpoints.custom).toBeUndefined();
    expect(row.results!.health.find((h) => h.component === "Certificate")?.status).toBe("Not enabled");
    expect(await ingress()).toBeUndefined();
    await expect(change(id, "remove-certificate", {})).rejects.toThrow("This cluster has no certificate to remove.");
  });

  it("registry credentials: stored encrypted, a pull secret in every namespace now and later, replaced, removed", async () => {
    const id = await installed();
    await expect(
      change(id, "registry-credentials", { registry: "ghcr.io", username: "alice", password: "", email: "" }),
    ).rejects.toThrow("Some fields need your attention.");
    await expect(change(id, "remove-registry-credentials", {})).rejects.toThrow(
      "This cluster has no registry credentials to remove.",
    );
    const password = "ghp_s3cret-token-value";
    const { prepared } = await change(id, "registry-credentials", {
      registry: "https://GHCR.io",
      username: "alice",
      password,
      email: "alice@example.com",
    });
    expect(prepared.params).toMatchObject({ registry: "ghcr.io", username: "alice", password: "••••••••" });
    await run();
    const copies = async () =>
      all<{ namespace: string; username: string }>(
        `SELECT namespace, spec->>'username' AS username FROM sim_object WHERE "environmentId" = $1 AND kind = 'Secret' AND name = 'image-pull-secret' ORDER BY namespace`,
        id,
      );
    const namespaces = (
      await all<{ name: string }>(
        `SELECT name FROM sim_object WHERE "environmentId" = $1 AND kind = 'Namespace' ORDER BY name`,
        id,
      )
    ).map((n) => n.name);
    expect((await copies()).map((c) => c.namespace)).toEqual(namespaces);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'ServiceAccount' AND name = 'default' AND spec->'imagePullSecrets' ? 'image-pull-secret'`,
        id,
      ),
    ).toBe(namespaces.length);
    // The password is nowhere in clear: not in the cluster, the history, the logs or the stored secret.
    const text = (
      await all<{ t: string }>(
        `SELECT spec::text AS t FROM sim_object WHERE "environmentId" = $1 UNION ALL SELECT message || COALESCE(data::text, '') FROM environment_event WHERE "environmentId" = $1
         UNION ALL SELECT message FROM log_line WHERE "environmentId" = $1 UNION ALL SELECT ciphertext FROM environment_secret WHERE "environmentId" = $1
         UNION ALL SELECT COALESCE(params::text, '') FROM operation WHERE "environmentId" = $1`,
        id,
      )
    )
      .map((r) => r.t)
      .join("\n");
    expect(text).toContain("alice");
    expect(text).not.toContain(password);

    // A namespace created later gets the secret too.
    await change(id, "addons", { monitoring: true });
    await run();
    expect((await copies()).map((c) => c.namespace)).toContain("kubernetes-monitoring");

    const replaced = await change(id, "registry-credentials", {
      registry: "ghcr.io",
      username: "bob",
      password: "other-token",
    });
    expect(replaced.prepared.params.summary).toBe(
      "replaces the registry credentials with those for ghcr.io (user bob)",
    );
    await run();
    expect(new Set((await copies()).map((c) => c.username))).toEqual(new Set(["bob"]));

    await change(id, "remove-registry-credentials", {});
    await run();
    expect(await copies()).toEqual([]);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'ServiceAccount'  AND name = 'default'`,
        id,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM environment_secret WHERE "environmentId" = $1 AND name = 'registry-credentials'`,
        id,
      ),
    ).toBe(0);
    expect((await environment(id)).status).toBe("running");
  });

  it("delete is still possible while a failed change waits", async () => {
    const id = await installed();
    await withFaults(id, ["worker-never-joins"]);
    await change(id, "scale-workers", { workers: 2 });
    await run();
    await requestDelete(db.pool, { environmentId: id, ...request });
    await run();
    expect((await environment(id)).status).toBe("deleted");
  });
});
