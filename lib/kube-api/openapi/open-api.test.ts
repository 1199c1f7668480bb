import { describe, expect, it } from "vitest";
import { openApi } from "./open-api";
import { openApiV3Index } from "./openapi-v3";

const get = (path: string, accept = "application/json") => {
  const url = new URL(path, "http://x");
  return openApi(url.pathname.split("/").filter(Boolean).slice(1), url.searchParams, accept);
};

describe("openApi", () => {
  it("serves the index, not to be stored", async () => {
    const response = get("/openapi/v3", "application/json, */*");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual(openApiV3Index());
  });

  it("serves a document under the hash the index names, tagged with it, never to be stored", async () => {
    const url = openApiV3Index().paths["apis/apps/v1"]!.serverRelativeURL;
    const hashed = get(url);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get("content-type")).toBe("application/json");
    expect(hashed.headers.get("cache-control")).toBe("no-store");
    expect(hashed.headers.get("etag")).toBe(`"${new URL(url, "http://x").searchParams.get("hash")}"`);
    expect(((await hashed.json()) as { openapi: string }).openapi).toBe("3.0.0");
    expect(get("/openapi/v3/apis/apps/v1").headers.get("cache-control")).toBe("no-store");
    expect(get("/openapi/v3/apis/apps/v1?hash=0BSOLETE").headers.get("cache-control")).toBe("no-store");
  });

  it("answers JSON only: 406 for a client that takes protobuf alone", () => {
    expect(get("/openapi/v3/api/v1", "application/com.github.proto-openapi.spec.v3@v1.0+protobuf").status).toBe(406);
    expect(
      get("/openapi/v3/api/v1", "application/com.github.proto-openapi.spec.v3@v1.0+protobuf, application/json;q=0.9")
        .status,
    ).toBe(200);
    expect(get("/openapi/v3/api/v1", "*/*").status).toBe(200);
    expect(get("/openapi/v3/api/v1", "").status).toBe(200);
  });

  it("answers 404 Status for what it does not serve", async () => {
    const response = get("/openapi/v3/apis/batch/v1");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ kind: "Status", reason: "NotFound", code: 404 });
    expect(get("/openapi/v4").status).toBe(404);
  });

  it("answers kubectl's protobuf /openapi/v2 with an empty document, and anyone else with 406", async () => {
    const response = get("/openapi/v2", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
    expect(get("/openapi/v2", "application/json").status).toBe(406);
  });
});
