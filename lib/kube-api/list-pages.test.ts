import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCluster, type TestCluster } from "./testing/test-cluster";

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await testCluster("pages");
  for (let i = 0; i < 13; i++) {
    const answer = await cluster.call("POST", "/api/v1/namespaces/default/configmaps", {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: `page-${String(i).padStart(2, "0")}` },
      data: { i: String(i) },
    });
    expect(answer.status).toBe(201);
  }
});
afterAll(() => cluster.db.cleanup());

/** Follows metadata.continue from the first page to the last, as client-go's pager does. */
async function allPages(path: string, limit: number, accept = "application/json") {
  const names: string[] = [];
  const pages: { continue?: string; remainingItemCount?: number; resourceVersion: string }[] = [];
  let token = "";
  do {
    const sep = path.includes("?") ? "&" : "?";
    const answer = await cluster.call(
      "GET",
      `${path}${sep}limit=${limit}${token ? `&continue=${encodeURIComponent(token)}` : ""}`,
      undefined,
      "application/json",
      { accept },
    );
    expect(answer.status).toBe(200);
    const body = answer.body as {
      metadata: { continue?: string; remainingItemCount?: number; resourceVersion: string };
      items?: { metadata: { namespace?: string; name: string } }[];
      rows?: { object: { metadata: { namespace?: string; name: string } } }[];
    };
    const items = body.items ?? body.rows!.map((r) => r.object);
    expect(items.length).toBeLessThanOrEqual(limit);
    names.push(...items.map((o) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`));
    pages.push(body.metadata);
    token = body.metadata.continue ?? "";
  } while (token);
  return { names, pages };
}

async function unpaged(path: string) {
  const answer = await cluster.call("GET", path);
  return (answer.body as { items: { metadata: { namespace?: string; name: string } }[] }).items.map(
    (o) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`,
  );
}

describe("lists paged with limit and continue", () => {
  it("page the same objects as one list without a limit, each once, in the same order", async () => {
    for (const path of ["/api/v1/pods", "/api/v1/namespaces/default/configmaps", "/api/v1/configmaps"]) {
      const whole = await unpaged(path);
      expect(whole.length).toBeGreaterThan(5);
      const { names, pages } = await allPages(path, 5);
      expect(names).toEqual(whole);
      expect(pages.length).toBe(Math.ceil(whole.length / 5));
      // Every page but the last says how many remain, and all of them carry the first page's version.
      expect(pages[0]!.remainingItemCount).toBe(whole.length - 5);
      expect(pages.at(-1)!.continue).toBeUndefined();
      expect(new Set(pages.map((p) => p.resourceVersion)).size).toBe(1);
    }
  });

  it("pages a server-side Table as kubectl get --chunk-size asks for it", async () => {
    const whole = await unpaged("/api/v1/namespaces/default/configmaps");
    const { names } = await allPages(
      "/api/v1/namespaces/default/configmaps",
      4,
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json",
    );
    expect(names.map((n) => n.replace(/^default\//, "/"))).toEqual(whole.map((n) => n.replace(/^default\//, "/")));
  });

  it("filters before it pages, and refuses a continue token it did not make", async () => {
    const { names } = await allPages("/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dpage-07", 1);
    expect(names).toEqual(["default/page-07"]);
    const answer = await cluster.call("GET", "/api/v1/configmaps?limit=2&continue=not-a-token");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ kind: "Status", reason: "BadRequest" });
    expect(answer.body.message).toMatch(/continue key is not valid/);
  });
});
