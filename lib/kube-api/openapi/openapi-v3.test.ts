import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { kubeResources } from "../resources";
import { openApiV3Document, openApiV3Index, type OpenApiV3Document } from "./openapi-v3";

const documentOf = (gv: string): OpenApiV3Document => {
  const served = openApiV3Document(gv);
  if (!served) throw new Error(`no document for ${gv}`);
  return served.document;
};

const operations = (document: OpenApiV3Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    (["get", "post", "put", "patch", "delete"] as const).flatMap((method) =>
      item[method] ? [{ path, method, operation: item[method]! }] : [],
    ),
  );

describe("openApiV3Index", () => {
  it("names each served group version's document under /openapi/v3, with the hash of its JSON", () => {
    const { paths } = openApiV3Index();
    expect(Object.keys(paths).sort()).toEqual([
      "api/v1",
      "apis/apps/v1",
      "apis/networking.k8s.io/v1",
      "apis/storage.k8s.io/v1",
    ]);
    for (const [gv, { serverRelativeURL }] of Object.entries(paths)) {
      const served = openApiV3Document(gv)!;
      expect(serverRelativeURL).toBe(
        `/openapi/v3/${gv}?hash=${createHash("sha256").update(served.json).digest("hex").toUpperCase()}`,
      );
    }
  });
});

describe("openApiV3Document", () => {
  it("builds each document once", () => {
    expect(openApiV3Document("apis/apps/v1")).toBe(openApiV3Document("apis/apps/v1"));
    expect(openApiV3Document("apis/batch/v1")).toBeUndefined();
  });

  it("gives every writable kind a PATCH with its kind and fieldValidation, so kubectl leaves validation to the server", () => {
    // What kubectl's field-validation verifier (cli-runtime query_param_verifier_v3.go) looks for.
    for (const r of kubeResources.filter((x) => x.writable)) {
      const document = documentOf(r.group === "" ? "api/v1" : `apis/${r.group}/v1`);
      const patch = operations(document).find(({ method, operation }) => {
        const gvk = operation["x-kubernetes-group-version-kind"];
        return method === "patch" && gvk.group === r.group && gvk.version === r.version && gvk.kind === r.kind;
      });
      expect(patch, r.kind).toBeDefined();
      expect(patch!.operation.parameters?.some((p) => p.name === "fieldValidation" && p.in === "query")).toBe(true);
      // kubectl apply builds its strategic merge patch from the v3 schemas only when the PATCH takes one.
      expect(Object.keys(patch!.operation.requestBody!.content)).toContain("application/strategic-merge-patch+json");
    }
  });

  it("gives Deployments create, replace, patch, delete, scale and read-only kinds get and list only", () => {
    const apps = documentOf("apis/apps/v1");
    const summary = (path: string) =>
      Object.fromEntries(
        (["get", "post", "put", "patch", "delete"] as const)
          .filter((m) => apps.paths[path]?.[m])
          .map((m) => [m, apps.paths[path]![m]!["x-kubernetes-action"]]),
      );
    expect(summary("/apis/apps/v1/namespaces/{namespace}/deployments")).toEqual({ get: "list", post: "post" });
    expect(summary("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")).toEqual({
      get: "get",
      put: "put",
      patch: "patch",
      delete: "delete",
    });
    expect(summary("/apis/apps/v1/namespaces/{namespace}/statefulsets/{name}")).toEqual({ get: "get" });
    expect(summary("/apis/apps/v1/namespaces/{namespace}/replicasets")).toEqual({ get: "list" });
    expect(summary("/apis/apps/v1/deployments")).toEqual({ get: "list" });

    const scale = apps.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"]!;
    expect(Object.keys(scale).filter((k) => k !== "parameters")).toEqual(["get", "put", "patch"]);
    expect(scale.patch!["x-kubernetes-group-version-kind"]).toEqual({
      group: "autoscaling",
      version: "v1",
      kind: "Scale",
    });
    expect(apps.components.schemas["io.k8s.api.autoscaling.v1.Scale"]).toBeDefined();
  });

  it("declares the write parameters and no deletecollection", () => {
    const core = documentOf("api/v1");
    const create = core.paths["/api/v1/namespaces/{namespace}/configmaps"]!.post!;
    expect(create.parameters?.map((p) => p.name)).toEqual(["dryRun", "fieldManager", "fieldValidation"]);
    expect(create.parameters?.find((p) => p.name === "fieldValidation")?.description).toContain(
      "This is the default in v1.23+",
    );
    expect(core.paths["/api/v1/namespaces/{namespace}/configmaps"]!.delete).toBeUndefined();
    expect(core.paths["/api/v1/namespaces"]!.post!.operationId).toBe("createCoreV1Namespace");
    expect(core.paths["/api/v1/namespaces/{namespace}/pods/{name}/log"]!.get!.parameters?.map((p) => p.name)).toContain(
      "follow",
    );
    expect(core.paths["/api/v1/namespaces/{namespace}/events"]!.post).toBeUndefined();
  });

  it("has what kubectl explain looks up: the kind on a list or read path, and a described schema carrying that kind", () => {
    for (const r of kubeResources) {
      const gv = r.group === "" ? `api/${r.version}` : `apis/${r.group}/${r.version}`;
      const document = documentOf(gv);
      const base = r.namespaced ? `/${gv}/namespaces/{namespace}/${r.name}` : `/${gv}/${r.name}`;
      const gvk = document.paths[base]?.get?.["x-kubernetes-group-version-kind"];
      expect(gvk, r.name).toEqual({ group: r.group, version: r.version, kind: r.kind });
      // Explain matches the two as Go maps: whatever their keys' order.
      const schema = Object.values(document.components.schemas).find((s) =>
        s["x-kubernetes-group-version-kind"]?.some(
          (k) => k.group === r.group && k.version === r.version && k.kind === r.kind,
        ),
      );
      expect(schema?.description, r.kind).toBeTruthy();
    }
  });

  it("references only schemas it carries", () => {
    for (const gv of Object.keys(openApiV3Index().paths)) {
      const served = openApiV3Document(gv)!;
      const refs = [...served.json.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
      expect(refs.filter((name) => !(name in served.document.components.schemas))).toEqual([]);
    }
  });
});
