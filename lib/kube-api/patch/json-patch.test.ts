import { describe, expect, it } from "vitest";
import { kubeErrorOf } from "../testing/kube-error-of";
import { jsonPatch, maxJsonPatchOperations } from "./json-patch";

const configMap = () => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "app", labels: { app: "web" } },
  data: { a: "1" },
  list: ["x", "y", "z"],
});

describe("jsonPatch (RFC 6902)", () => {
  it("applies add, remove, replace, move, copy and test in order", () => {
    const result = jsonPatch(configMap(), [
      { op: "test", path: "/data/a", value: "1" },
      { op: "add", path: "/data/b", value: "2" },
      { op: "add", path: "/list/1", value: "new" },
      { op: "add", path: "/list/-", value: "end" },
      { op: "remove", path: "/list/0" },
      { op: "replace", path: "/metadata/labels/app", value: "api" },
      { op: "move", from: "/data/a", path: "/data/moved" },
      { op: "copy", from: "/metadata/labels", path: "/metadata/annotations" },
      { op: "add", path: "/metadata/labels/a~1b~0c", value: "escaped" },
    ]);
    expect(result).toEqual({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "app", labels: { app: "api", "a/b~c": "escaped" }, annotations: { app: "api" } },
      data: { b: "2", moved: "1" },
      list: ["new", "y", "z", "end"],
    });
  });

  it("is all or nothing: a failed test is 422 Invalid and changes nothing", () => {
    const current = configMap();
    const error = kubeErrorOf(() =>
      jsonPatch(current, [
        { op: "replace", path: "/data/a", value: "2" },
        { op: "test", path: "/data/a", value: "1" },
      ]),
    );
    expect(error.code).toBe(422);
    expect(error.reason).toBe("Invalid");
    expect(error.message).toBe('JSON patch operation 2 (test /data/a): test failed: the value is "2", not "1"');
    expect(current).toEqual(configMap());
  });

  it("answers paths that do not exist with 422", () => {
    for (const operation of [
      { op: "remove", path: "/data/missing" },
      { op: "add", path: "/spec/template/x", value: 1 },
      { op: "replace", path: "/list/3", value: 1 },
      { op: "add", path: "/list/5", value: 1 },
      { op: "move", from: "/missing", path: "/data/x" },
      { op: "copy", from: "/list/9", path: "/data/x" },
      { op: "remove", path: "/list/x" },
      { op: "test", path: "/data/missing", value: "1" },
      { op: "remove", path: "" },
      { op: "add", path: "data/a", value: 1 },
      { op: "move", from: "/metadata", path: "/metadata/labels/m" },
      { op: "copy", path: "/data/x" },
      { op: "bogus", path: "/data" },
      { path: "/data" },
      { op: "replace", path: "", value: [] },
    ]) {
      const error = kubeErrorOf(() => jsonPatch(configMap(), [operation]));
      expect(error.code, JSON.stringify(operation)).toBe(422);
    }
  });

  it("is as lenient as the API server's JSON patch library", () => {
    const result = jsonPatch(configMap(), [
      { op: "replace", path: "/data/c", value: "added by replace" },
      { op: "remove", path: "/list/-1" },
      { op: "add", path: "/list/-1", value: "last" },
      { op: "add", path: "/data/d" },
      { op: "test", path: "/data/nothing", value: null },
    ]);
    expect(result.data).toEqual({ a: "1", c: "added by replace", d: null });
    expect(result.list).toEqual(["x", "y", "last"]);
  });

  it("answers a body that is not a list of operations with 400, and too many operations with 413", () => {
    expect(kubeErrorOf(() => jsonPatch(configMap(), { op: "add", path: "/a", value: 1 })).code).toBe(400);
    expect(kubeErrorOf(() => jsonPatch(configMap(), ["add"])).code).toBe(400);
    const many = Array.from({ length: maxJsonPatchOperations + 1 }, () => ({
      op: "test",
      path: "/data/a",
      value: "1",
    }));
    const error = kubeErrorOf(() => jsonPatch(configMap(), many));
    expect(error.code).toBe(413);
    expect(error.reason).toBe("RequestEntityTooLarge");
    expect(() => jsonPatch(configMap(), many.slice(1))).not.toThrow();
  });

  it("bounds what copies can add up to (3 MiB), so a short patch cannot blow the object up", () => {
    const doubling = Array.from({ length: 40 }, (_, i) => ({ op: "copy", from: "/data", path: `/data/copy${i}` }));
    const error = kubeErrorOf(() => jsonPatch({ data: { a: "x".repeat(1000) } }, doubling));
    expect(error.code).toBe(422);
    expect(error.message).toMatch(/copies in this patch add up to more than 3145728 bytes/);
  });
});
