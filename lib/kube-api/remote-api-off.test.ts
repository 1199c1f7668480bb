import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCluster, type TestCluster } from "./testing/test-cluster";

/**
 * With Remote API access off, kubectl must print the sentence that says how to turn it on. Its first requests
 * (discovery, /version, OpenAPI) are read by client-go without decoding a Status, so those failures are plain text;
 * the rest stay Status objects for clients that decode them.
 */
let c: TestCluster;
const sentence =
  /^Remote API access is off for closed: turn it on under Changes on its page in Clusterport \(Remote API access → Turn on\), then try again\.$/;

beforeAll(async () => {
  c = await testCluster("closed");
  await c.db.pool.query(
    `UPDATE environment SET settings = jsonb_set(settings::jsonb, '{addons,remoteApi}', 'false') WHERE id = $1`,
    [c.clusterId],
  );
}, 60_000);
afterAll(async () => c.db.cleanup());

describe("Remote API access off", () => {
  it.each(["/api", "/apis", "/version", "/openapi/v2", "/openapi/v3"])(
    "answers GET %s with the sentence as text, which kubectl prints",
    async (path) => {
      const answer = await c.call("GET", path, undefined, "application/json", {
        accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
      });
      expect(answer.status).toBe(403);
      expect(answer.contentType).toMatch(/^text\/plain/);
      expect(answer.body).toMatch(sentence);
    },
  );

  it("answers resource reads and writes with a Forbidden Status carrying the same sentence", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/nodes"],
      ["POST", "/api/v1/namespaces"],
    ] as const) {
      const answer = await c.call(method, path, method === "POST" ? { metadata: { name: "x" } } : undefined);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ kind: "Status", reason: "Forbidden", code: 403 });
      expect(answer.body.message).toMatch(sentence);
    }
  });
});
