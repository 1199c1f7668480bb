import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCluster, type TestCluster } from "./testing/test-cluster";

/**
 * The cluster's Kubernetes API on a real database, one installed development cluster (one control plane, one
 * worker) written to through the handler as kubectl and client libraries do.
 */
let cluster: TestCluster;
let clusterId: string;
let db: TestCluster["db"];

beforeAll(async () => {
  cluster = await testCluster("kapi");
  ({ clusterId, db } = cluster);
}, 120_000);
afterAll(() => db.cleanup());

const call = (method: string, path: string, body?: unknown, contentType = "application/json") =>
  cluster.call(method, path, body, contentType);

const deployment = (name: string, replicas: number, cpu = "100m", image = "nginx:1.27") => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: "web", image, resources: { requests: { cpu, memory: "16Mi" } } }] },
    },
  },
});

const pods = async (namespace: string, selector = "") =>
  (
    await call(
      "GET",
      `/api/v1/namespaces/${namespace}/pods${selector ? `?labelSelector=${encodeURIComponent(selector)}` : ""}`,
    )
  ).body.items as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- items are read by path

describe("writes", () => {
  it("creates a namespace and a deployment whose pods run, owned through their ReplicaSet", async () => {
    expect((await call("POST", "/api/v1/namespaces", { metadata: { name: "shop" } })).status).toBe(201);
    const again = await call("POST", "/api/v1/namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "shop" },
    });
    expect(again).toMatchObject({
      status: 409,
      body: { kind: "Status", reason: "AlreadyExists", message: 'namespaces "shop" already exists' },
    });

    // 250m each: the worker's CPU runs out (51 pods) before its 110 pods or the cluster's pod quota do.
    const created = await call("POST", "/apis/apps/v1/namespaces/shop/deployments", deployment("web", 2, "250m"));
    expect(created.status).toBe(201);
    expect(created.body.spec.strategy).toEqual({
      type: "RollingUpdate",
      rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" },
    });
    expect(created.body.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    const running = await pods("shop", "app=web");
    expect(running.map((p) => p.status.phase)).toEqual(["Running", "Running"]);
    const sets = (await call("GET", "/apis/apps/v1/namespaces/shop/replicasets")).body.items;
    expect(sets).toHaveLength(1);
    expect(sets[0].metadata.ownerReferences[0].uid).toBe(created.body.metadata.uid);
    expect(running[0].metadata.ownerReferences[0]).toMatchObject({
      kind: "ReplicaSet",
      name: sets[0].metadata.name,
      uid: sets[0].metadata.uid,
    });
    expect(running[0].spec.containers[0].resources.requests).toEqual({ cpu: "250m", memory: "16Mi" });
  });

  it("scales past the worker's capacity: Pending with the scheduler's reason, as an event too", async () => {
    const node = (await call("GET", "/api/v1/nodes/cp-1")).body;
    const fits = Math.floor(Number.parseInt(node.status.allocatable.cpu, 10) / 250); // 250m each
    const scaled = await call(
      "PATCH",
      "/apis/apps/v1/namespaces/shop/deployments/web/scale",
      { spec: { replicas: fits + 3 } },
      "application/merge-patch+json",
    );
    expect(scaled).toMatchObject({ status: 200, body: { kind: "Scale", spec: { replicas: fits + 3 } } });
    const all = await pods("shop");
    const pending = all.filter((p) => p.status.phase === "Pending");
    expect(pending).toHaveLength(3);
    expect(pending[0].status.conditions[0].message).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
    );
    const events = await call(
      "GET",
      `/api/v1/namespaces/shop/events?fieldSelector=${encodeURIComponent(`involvedObject.name=${pending[0].metadata.name}`)}`,
    );
    expect(events.body.items.map((e: { reason: string }) => e.reason)).toEqual(["FailedScheduling"]);
    const back = await call(
      "PATCH",
      "/apis/apps/v1/namespaces/shop/deployments/web/scale",
      { spec: { replicas: 2 } },
      "application/merge-patch+json",
    );
    expect(back.body).toMatchObject({ spec: { replicas: 2 } });
    expect(await pods("shop")).toHaveLength(2);
  });

  it("patches as kubectl does: a strategic merge of the container's image rolls the pods to a new ReplicaSet", async () => {
    const before = (await pods("shop")).map((p) => p.metadata.name);
    const patch = { spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.28" }] } } } };
    const patched = await call(
      "PATCH",
      "/apis/apps/v1/namespaces/shop/deployments/web",
      patch,
      "application/strategic-merge-patch+json",
    );
    expect(patched.status).toBe(200);
    expect(patched.body.spec.template.spec.containers).toHaveLength(1);
    expect(patched.body.spec.template.spec.containers[0]).toMatchObject({
      image: "nginx:1.28",
      resources: { requests: { cpu: "250m" } },
    });
    expect(patched.body.metadata.generation).toBe(4); // created, scaled out, scaled in, patched
    const after = await pods("shop");
    expect(after.map((p) => p.spec.containers[0].image)).toEqual(["nginx:1.28", "nginx:1.28"]);
    expect(after.some((p) => before.includes(p.metadata.name))).toBe(false);
    const labelled = await call(
      "PATCH",
      "/apis/apps/v1/namespaces/shop/deployments/web",
      { metadata: { labels: { tier: "front" } } },
      "application/merge-patch+json",
    );
    expect(labelled.body.metadata.labels).toEqual({ app: "web", tier: "front" });
    expect(labelled.body.metadata.generation).toBe(4); // labels are not the spec
  });

  it("refuses a stale update with 409 Conflict, and answers dry runs without writing", async () => {
    const live = (await call("GET", "/apis/apps/v1/namespaces/shop/deployments/web")).body;
    const stale = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: "1" },
      spec: { ...live.spec, replicas: 3 },
    };
    expect(await call("PUT", "/apis/apps/v1/namespaces/shop/deployments/web", stale)).toMatchObject({
      status: 409,
      body: { reason: "Conflict" },
    });
    const dry = await call("POST", "/apis/apps/v1/namespaces/shop/deployments?dryRun=All", deployment("ghost", 1));
    expect(dry.status).toBe(201);
    expect((await call("GET", "/apis/apps/v1/namespaces/shop/deployments/ghost")).status).toBe(404);
  });

  it("answers invalid objects with 422 and their field causes, bad bodies with 400, 413 and 415", async () => {
    const bad = deployment("Bad_Name", -1);
    bad.spec.template.spec.containers[0]!.image = "";
    bad.spec.template.metadata.labels = { app: "other" };
    const answer = await call("POST", "/apis/apps/v1/namespaces/shop/deployments", bad);
    expect(answer.status).toBe(422);
    expect(answer.body.reason).toBe("Invalid");
    expect(answer.body.details.causes.map((c: { field: string }) => c.field)).toEqual([
      "metadata.name",
      "spec.replicas",
      "spec.template.metadata.labels",
      "spec.template.spec.containers[0].image",
    ]);
    expect(answer.body.message).toMatch(
      /^Deployment\.apps "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/,
    );
    expect((await call("POST", "/api/v1/namespaces/shop/configmaps", "{not json")).status).toBe(400);
    const huge = { metadata: { name: "huge" }, data: { blob: "x".repeat(3 * 1024 * 1024) } };
    expect((await call("POST", "/api/v1/namespaces/shop/configmaps", huge)).body).toMatchObject({
      code: 413,
      reason: "RequestEntityTooLarge",
    });
    expect((await call("POST", "/api/v1/namespaces/shop/configmaps", "\x00", "application/cbor")).status).toBe(415);
    const ingress = {
      metadata: { name: "web" },
      spec: {
        rules: [{ http: { paths: [{ path: "/", backend: { service: { name: "web", port: { number: 80 } } } }] } }],
      },
    };
    const noPathType = await call("POST", "/apis/networking.k8s.io/v1/namespaces/shop/ingresses", ingress);
    expect(noPathType.body.details.causes).toEqual([
      {
        reason: "FieldValueRequired",
        message: "Required value: pathType must be specified",
        field: "spec.rules[0].http.paths[0].pathType",
      },
    ]);
  });

  it("keeps Secret values encrypted at rest and serves them base64-encoded", async () => {
    const created = await call("POST", "/api/v1/namespaces/shop/secrets", {
      metadata: { name: "db" },
      stringData: { password: "s3cret-value" },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ password: Buffer.from("s3cret-value").toString("base64") });
    const { rows } = await db.pool.query(
      `SELECT spec::text AS spec FROM sim_object WHERE "environmentId" = $1 AND kind = 'Secret' AND name = 'db'`,
      [clusterId],
    );
    expect(rows[0].spec).not.toContain("s3cret-value");
    expect(rows[0].spec).not.toContain(Buffer.from("s3cret-value").toString("base64"));
  });

  it("gives Services node ports once and Endpoints from the pods they select", async () => {
    const service = (name: string, nodePort?: number) => ({
      metadata: { name },
      spec: { type: "NodePort", selector: { app: "web" }, ports: [{ port: 80, ...(nodePort ? { nodePort } : {}) }] },
    });
    const first = await call("POST", "/api/v1/namespaces/shop/services", service("web", 30080));
    expect(first.body.spec).toMatchObject({
      type: "NodePort",
      ports: [{ port: 80, targetPort: 80, nodePort: 30080, protocol: "TCP" }],
    });
    const clash = await call("POST", "/api/v1/namespaces/shop/services", service("web2", 30080));
    expect(clash.body.details.causes[0]).toMatchObject({
      field: "spec.ports[0].nodePort",
      message: "Invalid value: 30080: provided port is already allocated",
    });
    const endpoints = (await call("GET", "/api/v1/namespaces/shop/endpoints/web")).body;
    expect(endpoints.subsets[0].addresses).toHaveLength(2);
    expect(endpoints.subsets[0].ports).toEqual([{ port: 80, protocol: "TCP" }]);
  });

  it("serves the pods' logs", async () => {
    const [pod] = await pods("shop", "app=web");
    const log = await call("GET", `/api/v1/namespaces/shop/pods/${pod.metadata.name}/log`);
    expect(log.status).toBe(200);
    expect(log.body).toContain("Configuration complete; ready for start up");
    const tail = await call("GET", `/api/v1/namespaces/shop/pods/${pod.metadata.name}/log?tailLines=1`);
    expect(tail.body.trim().split("\n")).toHaveLength(1);
    expect(
      (await call("GET", `/api/v1/namespaces/shop/pods/${pod.metadata.name}/log?container=nope`)).body.message,
    ).toBe(`container nope is not valid for pod ${pod.metadata.name}`);

    // --follow: the lines so far at once, then the stream stays open until the client leaves.
    const abort = new AbortController();
    const following = await cluster.send(
      "GET",
      `/api/v1/namespaces/shop/pods/${pod.metadata.name}/log?follow=true&timestamps=true`,
      { signal: abort.signal },
    );
    const reader = following.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.split("\n")[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z \/docker-entrypoint\.sh/);
    abort.abort();
    expect((await reader.read()).done).toBe(true);
  });

  it("lets system objects be read, not changed", async () => {
    const coredns = await call("DELETE", "/apis/apps/v1/namespaces/kube-system/deployments/coredns");
    expect(coredns).toMatchObject({ status: 403, body: { reason: "Forbidden" } });
    expect((await call("GET", "/apis/apps/v1/namespaces/kube-system/deployments/coredns")).status).toBe(200);
    expect((await call("POST", "/api/v1/namespaces/kube-system/configmaps", { metadata: { name: "x" } })).status).toBe(
      403,
    );
    expect((await call("DELETE", "/api/v1/namespaces/default")).status).toBe(403);
    expect((await call("DELETE", "/api/v1/nodes/cp-1")).status).toBe(405);
    expect(
      (await call("POST", "/api/v1/namespaces/nowhere/configmaps", { metadata: { name: "x" } })).body.message,
    ).toBe('namespaces "nowhere" not found');
  });

  it("deletes a deployment with its pods, and a namespace with everything in it", async () => {
    const deleted = await call("DELETE", "/apis/apps/v1/namespaces/shop/deployments/web");
    expect(deleted.body).toMatchObject({
      kind: "Status",
      status: "Success",
      details: { name: "web", kind: "deployments" },
    });
    expect(await pods("shop")).toEqual([]);
    expect((await call("DELETE", "/api/v1/namespaces/shop")).body.status.phase).toBe("Terminating");
    expect((await call("GET", "/api/v1/namespaces/shop/secrets/db")).status).toBe(404);
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM sim_object WHERE "environmentId" = $1 AND namespace = 'shop' AND kind <> 'Event'`,
      [clusterId],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe("field validation", () => {
  it("refuses unknown fields under Strict (kubectl's default), warns under Warn, and refuses values of the wrong type", async () => {
    await call("POST", "/api/v1/namespaces", { metadata: { name: "fv" } });
    const typo = { ...deployment("typo", 1), spec: { ...deployment("typo", 1).spec, replicass: 2 } };
    const strict = await call("POST", "/apis/apps/v1/namespaces/fv/deployments?fieldValidation=Strict", typo);
    expect(strict).toMatchObject({
      status: 400,
      body: {
        reason: "BadRequest",
        message:
          'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"',
      },
    });
    const warned = await cluster.send("POST", "/apis/apps/v1/namespaces/fv/deployments", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(typo),
    });
    expect(warned.status).toBe(201);
    expect(warned.headers.get("warning")).toBe('299 - "unknown field \\"spec.replicass\\""');
    const wrongType = { ...deployment("wrong", 1), spec: { ...deployment("wrong", 1).spec, replicas: "two" } };
    expect((await call("POST", "/apis/apps/v1/namespaces/fv/deployments", wrongType)).body.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });
});

describe("hostile writes", () => {
  it("answers every malformed object with a 4xx Status and leaves the cluster as it was", async () => {
    let seed = 20261126;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const strings = [
      "",
      "\u0000",
      "\ud800",
      "x".repeat(5000),
      "../etc",
      "__proto__",
      "-1",
      "1e999",
      "Bad Name",
      "web",
      "100m",
      "9999999Gi",
      "$patch",
      "null",
    ];
    const keys = [
      "__proto__",
      "constructor",
      "metadata",
      "spec",
      "name",
      "replicas",
      "containers",
      "ports",
      "data",
      "selector",
      "$patch",
      "$retainKeys",
      "$setElementOrder/containers",
      "template",
      "image",
      "nodePort",
    ];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 4 || r < 0.3) return pick(strings);
      if (r < 0.45) return pick([0, -1, 1.5, 70000, Number.MAX_SAFE_INTEGER, true, null]);
      if (r < 0.65) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => [pick(keys), value(depth + 1)]),
      );
    };
    await call("POST", "/api/v1/namespaces", { metadata: { name: "fuzz" } });
    await call("POST", "/apis/apps/v1/namespaces/fuzz/deployments", deployment("steady", 1));
    const before = await pods("fuzz");
    const targets: [string, string, string][] = [
      ["POST", "/apis/apps/v1/namespaces/fuzz/deployments", "application/json"],
      ["POST", "/api/v1/namespaces/fuzz/services", "application/json"],
      ["POST", "/api/v1/namespaces/fuzz/configmaps", "application/json"],
      ["POST", "/api/v1/namespaces/fuzz/secrets", "application/json"],
      ["POST", "/apis/networking.k8s.io/v1/namespaces/fuzz/ingresses", "application/json"],
      ["POST", "/api/v1/namespaces", "application/json"],
      ["PUT", "/apis/apps/v1/namespaces/fuzz/deployments/steady", "application/json"],
      ["PATCH", "/apis/apps/v1/namespaces/fuzz/deployments/steady", "application/merge-patch+json"],
      ["PATCH", "/apis/apps/v1/namespaces/fuzz/deployments/steady", "application/strategic-merge-patch+json"],
      ["PATCH", "/apis/apps/v1/namespaces/fuzz/deployments/steady", "application/json-patch+json"],
      ["PATCH", "/apis/apps/v1/namespaces/fuzz/deployments/steady/scale", "application/merge-patch+json"],
      ["POST", "/api/v1/namespaces/fuzz/configmaps", "application/vnd.kubernetes.protobuf"],
    ];
    for (let i = 0; i < 240; i += 1) {
      const [method, path, type] = pick(targets);
      const body =
        random() < 0.1
          ? '{"metadata": '
          : random() < 0.5 && method === "POST"
            ? { ...deployment(`f${i}`, 1), ...(value(0) as object) }
            : value(0);
      const answer = await call(method, path, body, type);
      expect(
        answer.status,
        `${method} ${path} ${JSON.stringify(body).slice(0, 200)} → ${JSON.stringify(answer.body).slice(0, 300)}`,
      ).toBeLessThan(500);
      if (answer.status >= 400) expect(answer.body.kind).toBe("Status");
    }
    // The steady Deployment still runs (a fuzzed patch may have changed it, never broken it).
    const live = await call("GET", "/apis/apps/v1/namespaces/fuzz/deployments/steady");
    expect(live.status).toBe(200);
    expect(before.length).toBeGreaterThan(0);
    expect((await call("GET", "/api/v1/pods")).status).toBe(200);
  });
});
