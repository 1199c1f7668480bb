import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncClusterControllers } from "@/lib/engine";
import { serveOverHttps } from "./testing/serve-over-https";
import { testCluster, type TestCluster } from "./testing/test-cluster";

/**
 * The bounds of a cluster through its Kubernetes API, on a real database: one development cluster (one worker,
 * so its pod quota is 110 and its kubelet runs at most 110 pods), written to as kubectl does and read back with
 * @kubernetes/client-node.
 */
let cluster: TestCluster;
let served: Awaited<ReturnType<typeof serveOverHttps>>;
let core: CoreV1Api;

beforeAll(async () => {
  cluster = await testCluster("bounds");
  served = await serveOverHttps(cluster);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "bounds", server: served.server, caData: Buffer.from(served.caPem).toString("base64") }],
    users: [{ name: "admin", token: cluster.token }],
    contexts: [{ name: "bounds", cluster: "bounds", user: "admin" }],
    currentContext: "bounds",
  });
  core = kc.makeApiClient(CoreV1Api);
}, 120_000);
afterAll(async () => {
  await served.close();
  await cluster.db.cleanup();
});

const call = (method: string, path: string, body?: unknown, contentType = "application/json") =>
  cluster.call(method, path, body, contentType);
const web = (replicas: number) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: {
    replicas,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
  },
});
const webPods = async () =>
  (await call("GET", "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb")).body.items as {
    status: { phase: string; conditions?: { message?: string }[] };
  }[];
const replicasPatch = (n: number) => [{ op: "replace", path: "/spec/replicas", value: n }];
const deploymentPath = "/apis/apps/v1/namespaces/default/deployments/web";

describe("a cluster's bounds through its API", () => {
  it("refuses replicas beyond an int32 as the API server does: 422 for a patch, 400 for a body", async () => {
    expect((await call("POST", "/apis/apps/v1/namespaces/default/deployments", web(1))).status).toBe(201);
    const patched = await call("PATCH", deploymentPath, replicasPatch(2147483648), "application/json-patch+json");
    expect(patched.status).toBe(422);
    expect(patched.body).toMatchObject({
      kind: "Status",
      reason: "Invalid",
      details: { causes: [{ field: "patch", reason: "FieldValueInvalid" }] },
    });
    expect(patched.body.message).toContain(
      "json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32",
    );
    const scaled = await call(
      "PATCH",
      `${deploymentPath}/scale`,
      { spec: { replicas: 2147483648 } },
      "application/merge-patch+json",
    );
    expect(scaled.status).toBe(422);
    const created = await call("POST", "/apis/apps/v1/namespaces/default/deployments", {
      ...web(2147483648),
      metadata: { name: "huge" },
    });
    expect(created).toMatchObject({ status: 400, body: { reason: "BadRequest" } });
    expect((await call("GET", deploymentPath)).body.spec.replicas).toBe(1);
  });

  it("accepts 100000000 replicas but makes only the quota's pods, saying why: ReplicaFailure and FailedCreate", async () => {
    const patched = await call("PATCH", deploymentPath, replicasPatch(100_000_000), "application/json-patch+json");
    expect(patched.status).toBe(200);
    expect(patched.body.spec.replicas).toBe(100_000_000);
    expect(patched.body.status.replicas).toBe(110);
    const failure = patched.body.status.conditions.find((c: { type: string }) => c.type === "ReplicaFailure");
    expect(failure).toMatchObject({ status: "True", reason: "FailedCreate" });
    expect(failure.message).toMatch(
      /^pods "web-[0-9a-z]+-[0-9a-z]+" is forbidden: exceeded quota: clusterport-quota, requested: pods=1, used: pods=110, limited: pods=110$/,
    );
    expect(await webPods()).toHaveLength(110);
    const sets = (await call("GET", "/apis/apps/v1/namespaces/default/replicasets")).body.items.filter(
      (s: { metadata: { name: string } }) => s.metadata.name.startsWith("web-"),
    );
    expect(sets[0].status.conditions).toEqual([
      expect.objectContaining({ type: "ReplicaFailure", reason: "FailedCreate", message: failure.message }),
    ]);
    const events = (await call("GET", "/api/v1/namespaces/default/events?fieldSelector=reason%3DFailedCreate")).body
      .items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "Warning",
      involvedObject: { kind: "ReplicaSet", name: sets[0].metadata.name },
      source: { component: "replicaset-controller" },
    });
    expect(events[0].message).toBe(`Error creating: ${failure.message}`);
  });

  it("leaves the replicas the worker has no room for Pending: Too many pods", async () => {
    const pods = await webPods();
    const pending = pods.filter((p) => p.status.phase === "Pending");
    const running = pods.filter((p) => p.status.phase === "Running");
    // The worker's system pods (network, proxy, ingress, dashboard…) take their places among its 110.
    const onWorker = (await call("GET", "/api/v1/pods?fieldSelector=spec.nodeName%3Dcp-1")).body.items;
    expect(onWorker).toHaveLength(110);
    expect(running.length).toBeGreaterThan(50);
    expect(pending.length).toBe(110 - running.length);
    expect(pending[0]!.status.conditions![0]!.message).toBe(
      "0/2 nodes are available: 1 Too many pods, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
    );
  });

  it("shows its ResourceQuota to a real client and to kubectl get (used / hard)", async () => {
    const list = await core.listResourceQuotaForAllNamespaces();
    expect(list.items.map((q) => `${q.metadata?.namespace}/${q.metadata?.name}`)).toEqual([
      "default/clusterport-quota",
    ]);
    const quota = await core.readNamespacedResourceQuota({ name: "clusterport-quota", namespace: "default" });
    // Pods: 110 for the one worker; objects: the test user's tier (Business).
    expect(quota.status?.hard).toEqual({ "count/objects": "4000", pods: "110" });
    expect(quota.status?.used).toEqual({ "count/objects": "1", pods: "110" });
    const table = await cluster.send("GET", "/api/v1/resourcequotas", {
      headers: { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" },
    });
    const body = (await table.json()) as { columnDefinitions: { name: string }[]; rows: { cells: unknown[] }[] };
    expect(body.columnDefinitions.map((c) => c.name)).toEqual(["Name", "Age", "Request", "Limit"]);
    expect(body.rows[0]!.cells).toEqual([
      "clusterport-quota",
      expect.any(String),
      "count/objects: 1/4000, pods: 110/110",
      "",
    ]);
    expect((await call("DELETE", "/api/v1/namespaces/default/resourcequotas/clusterport-quota")).status).toBe(405);
  });

  it("scales back and deletes the Deployment with its pods; the quota is free again", async () => {
    const back = await call(
      "PATCH",
      `${deploymentPath}/scale`,
      { spec: { replicas: 2 } },
      "application/merge-patch+json",
    );
    expect(back.status).toBe(200);
    expect(await webPods()).toHaveLength(2);
    const deployment = (await call("GET", deploymentPath)).body;
    expect(deployment.status.conditions.map((c: { type: string }) => c.type)).not.toContain("ReplicaFailure");
    await call("PATCH", deploymentPath, replicasPatch(100_000_000), "application/json-patch+json");
    expect((await call("DELETE", deploymentPath)).status).toBe(200);
    expect(await webPods()).toEqual([]);
    const quota = await core.readNamespacedResourceQuota({ name: "clusterport-quota", namespace: "default" });
    expect(quota.status?.used).toEqual({ "count/objects": "0", pods: "0" });
  });

  it("refuses a create past the objects quota with the real 403, and takes it again once there is room", async () => {
    // A quota of 3 objects set on the plan, as a smaller tier would.
    await cluster.db.pool.query(
      `UPDATE environment SET plan = jsonb_set(plan::jsonb, '{clusterQuota}', '{"pods": 110, "objects": 3}')::json WHERE id = $1`,
      [cluster.clusterId],
    );
    for (const name of ["a", "b", "c"])
      expect(
        (await call("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name }, data: { k: "v" } })).status,
      ).toBe(201);
    const refused = await call("POST", "/api/v1/namespaces/default/configmaps", {
      metadata: { name: "d" },
      data: { k: "v" },
    });
    expect(refused).toMatchObject({
      status: 403,
      body: {
        kind: "Status",
        reason: "Forbidden",
        message:
          'configmaps "d" is forbidden: exceeded quota: clusterport-quota, requested: count/objects=1, used: count/objects=3, limited: count/objects=3',
        details: { name: "d", kind: "configmaps" },
      },
    });
    expect((await call("POST", "/apis/apps/v1/namespaces/default/deployments", web(1))).status).toBe(403);
    // Changing what exists is no create: it goes through.
    expect(
      (
        await call(
          "PATCH",
          "/api/v1/namespaces/default/configmaps/a",
          { data: { k: "w" } },
          "application/merge-patch+json",
        )
      ).status,
    ).toBe(200);
    expect((await call("DELETE", "/api/v1/namespaces/default/configmaps/a")).status).toBe(200);
    expect(
      (await call("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name: "d" }, data: { k: "v" } }))
        .status,
    ).toBe(201);
  });

  it("makes at most 500 pods per pass; the engine's catch-up pass makes the rest, up to the quota", async () => {
    await cluster.db.pool.query(
      `UPDATE environment SET plan = jsonb_set(plan::jsonb, '{clusterQuota}', '{"pods": 1100, "objects": 100}')::json WHERE id = $1`,
      [cluster.clusterId],
    );
    const created = await call("POST", "/apis/apps/v1/namespaces/default/deployments", web(1200));
    expect(created.body.status.replicas).toBe(500);
    expect(created.body.status.conditions.map((c: { type: string }) => c.type)).not.toContain("ReplicaFailure");
    expect(await syncClusterControllers(cluster.db.pool)).toEqual([cluster.clusterId]);
    expect(await webPods()).toHaveLength(1000);
    expect(await syncClusterControllers(cluster.db.pool)).toEqual([cluster.clusterId]);
    const status = (await call("GET", deploymentPath)).body.status;
    expect(status.replicas).toBe(1100);
    expect(status.conditions.find((c: { type: string }) => c.type === "ReplicaFailure").message).toContain(
      "used: pods=1100, limited: pods=1100",
    );
    // Held back by the quota now, not the burst: nothing left for the catch-up pass.
    expect(await syncClusterControllers(cluster.db.pool)).toEqual([]);
    expect((await call("DELETE", deploymentPath)).status).toBe(200);
    expect(await webPods()).toEqual([]);
  });
});
