import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCluster, type TestCluster } from "../testing/test-cluster";

/**
 * kubectl 1.32's protobuf creates through the cluster API handler, on a real database: the recorded bodies of
 * `kubectl create deployment|namespace|configmap|secret|service|ingress`, sent as kubectl sends them.
 */
let cluster: TestCluster;

beforeAll(async () => {
  cluster = await testCluster("kpb");
}, 120_000);
afterAll(() => cluster.db.cleanup());

/** A POST as kubectl create sends it: its query, its Accept (protobuf first), the body's type. */
const post = (collection: string, body: BodyInit, contentType: string, dryRun = false) =>
  cluster.call(
    "POST",
    `${collection}?${dryRun ? "dryRun=All&" : ""}fieldManager=kubectl-create&fieldValidation=Strict`,
    body,
    contentType,
    {
      accept: "application/vnd.kubernetes.protobuf,application/json",
    },
  );

const fixture = (file: string) => fs.readFileSync(path.join(__dirname, "fixtures", file));

/** Each fixture and the collection kubectl posts it to. */
const creates: [name: string, collection: string][] = [
  ["namespace", "/api/v1/namespaces"],
  ["configmap", "/api/v1/namespaces/default/configmaps"],
  ["secret", "/api/v1/namespaces/default/secrets"],
  ["service", "/api/v1/namespaces/default/services"],
  ["deployment", "/apis/apps/v1/namespaces/default/deployments"],
  ["ingress", "/apis/networking.k8s.io/v1/namespaces/default/ingresses"],
];

/** What differs between two creates of one object: the identity and time the server gives it (its status's times too). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Kubernetes object a test created
function withoutServerFields(object: any): unknown {
  const { uid: _uid, resourceVersion: _rv, creationTimestamp: _ct, ...metadata } = object.metadata;
  const { status: _status, ...rest } = object;
  return { ...rest, metadata };
}

describe("kubectl create's protobuf bodies on the cluster API", () => {
  it.each(creates)("--dry-run=server %s: the same answer as for its JSON", async (name, collection) => {
    const fromProtobuf = await post(
      collection,
      fixture(`kubectl-${name}.pb`),
      "application/vnd.kubernetes.protobuf",
      true,
    );
    const fromJson = await post(collection, fixture(`kubectl-${name}.json`).toString("utf8"), "application/json", true);
    expect(fromJson.status).toBe(201);
    expect(fromProtobuf.status).toBe(201);
    expect(withoutServerFields(fromProtobuf.body)).toEqual(withoutServerFields(fromJson.body));
  });

  it.each(creates)("%s: created (201), answered as JSON", async (name, collection) => {
    const created = await post(collection, fixture(`kubectl-${name}.pb`), "application/vnd.kubernetes.protobuf");
    expect(created.status).toBe(201);
    expect(created.contentType).toMatch(/^application\/json/);
    const sent = JSON.parse(fixture(`kubectl-${name}.json`).toString("utf8"));
    expect(created.body).toMatchObject({
      kind: sent.kind,
      apiVersion: sent.apiVersion,
      metadata: { name: sent.metadata.name },
    });
  });

  it("refuses a protobuf body that is not one with 400, another media type with 415", async () => {
    const notProtobuf = await post(
      "/api/v1/namespaces/default/configmaps",
      '{"metadata":{"name":"x"}}',
      "application/vnd.kubernetes.protobuf",
    );
    expect(notProtobuf.body).toMatchObject({ kind: "Status", code: 400, reason: "BadRequest" });
    const statefulSet = Buffer.concat([Buffer.from("k8s\0\x0a\x16\x0a\x07apps/v1\x12\x0bStatefulSet", "latin1")]);
    expect(
      (await post("/api/v1/namespaces/default/configmaps", statefulSet, "application/vnd.kubernetes.protobuf")).body
        .message,
    ).toBe("a StatefulSet (apps/v1) cannot be decoded from protobuf here: send it as application/json");
    expect((await post("/api/v1/namespaces/default/configmaps", "\x00", "application/cbor")).status).toBe(415);
  });
});
