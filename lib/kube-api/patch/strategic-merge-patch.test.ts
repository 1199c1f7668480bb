import { describe, expect, it } from "vitest";
import { kubeErrorOf } from "../testing/kube-error-of";
import { mergeKeysOf } from "./patch-merge-keys";
import { strategicMergePatch, type MergeKeyLookup } from "./strategic-merge-patch";

const keys: Record<string, string> = { items: "name", "items[].ports": "port", tags: "" };
const lookup: MergeKeyLookup = (path) => keys[path];
const patch = (current: Record<string, unknown>, p: unknown) => strategicMergePatch(current, p, lookup);
const names = (o: Record<string, unknown>) => (o.items as { name: string }[]).map((i) => i.name);

describe("strategicMergePatch", () => {
  it("merges maps, deletes keys set to null and replaces lists without a merge key", () => {
    const current = { a: { b: 1, c: 2 }, tolerations: [{ key: "x" }, { key: "y" }] };
    expect(patch(current, { a: { c: null, d: 3 }, tolerations: [{ key: "z" }] })).toEqual({
      a: { b: 1, d: 3 },
      tolerations: [{ key: "z" }],
    });
  });

  it("merges list elements by their merge key, recursively", () => {
    const current = { items: [{ name: "a", ports: [{ port: 80, x: 1 }] }, { name: "b" }] };
    const result = patch(current, { items: [{ name: "a", ports: [{ port: 80, y: 2 }, { port: 443 }] }] });
    expect(result.items).toEqual([{ name: "a", ports: [{ port: 80, x: 1, y: 2 }, { port: 443 }] }, { name: "b" }]);
  });

  it("merges a list of scalars as a set", () => {
    expect(patch({ tags: ["a", "b"] }, { tags: ["b", "c"] }).tags).toEqual(["a", "b", "c"]);
    expect(patch({ tags: ["a", "b"] }, { tags: ["c"] }).tags).toEqual(["c", "a", "b"]);
    expect(patch({ tags: ["a", "b", "c"] }, { "$deleteFromPrimitiveList/tags": ["b", "zz"] }).tags).toEqual(["a", "c"]);
    expect(patch({}, { "$deleteFromPrimitiveList/tags": ["b"] })).toEqual({});
  });

  it("orders by $setElementOrder, keeping elements only the server has where they were", () => {
    const current = { items: [{ name: "1", other: "a" }, { name: "3" }, { name: "4" }, { name: "2" }, { name: "9" }] };
    const result = patch(current, {
      "$setElementOrder/items": [{ name: "4" }, { name: "2" }, { name: "3" }, { name: "1" }],
    });
    expect(names(result)).toEqual(["4", "2", "3", "1", "9"]);
    expect(
      patch({ tags: ["1", "2", "7", "9", "8", "3", "4"] }, { "$setElementOrder/tags": ["2", "1", "4", "3"] }).tags,
    ).toEqual(["2", "1", "7", "9", "8", "4", "3"]);
  });

  it("adds elements where $setElementOrder puts them", () => {
    const current = {
      items: [
        { name: "1", other: "a" },
        { name: "2", value: "2" },
      ],
    };
    const result = patch(current, {
      "$setElementOrder/items": [{ name: "3" }, { name: "1" }, { name: "2" }],
      items: [{ name: "3", value: "3" }],
    });
    expect(result.items).toEqual([
      { name: "3", value: "3" },
      { name: "1", other: "a" },
      { name: "2", value: "2" },
    ]);
  });

  it("honours $patch: replace and delete on lists and maps, and treats merge as the default", () => {
    const current = { items: [{ name: "a" }, { name: "b" }], spec: { x: 1, y: 2 } };
    expect(patch(current, { items: [{ name: "c" }, { $patch: "replace" }] }).items).toEqual([{ name: "c" }]);
    expect(
      patch(current, {
        items: [
          { name: "a", $patch: "delete" },
          { name: "zz", $patch: "delete" },
        ],
      }).items,
    ).toEqual([{ name: "b" }]);
    expect(patch(current, { spec: { $patch: "replace", z: 3 } }).spec).toEqual({ z: 3 });
    expect(patch(current, { spec: { $patch: "delete" } }).spec).toEqual({});
    expect(patch(current, { spec: { $patch: "merge", z: 3 } }).spec).toEqual({ x: 1, y: 2, z: 3 });
    expect(names(patch(current, { items: [{ name: "a", $patch: "merge", v: 1 }, { $patch: "merge" }] }))).toEqual([
      "a",
      "b",
    ]);
  });

  it("keeps only what $retainKeys lists, and refuses a patch that sets a key it does not list", () => {
    const current = { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } };
    expect(patch(current, { strategy: { $retainKeys: ["type"], type: "Recreate" } }).strategy).toEqual({
      type: "Recreate",
    });
    expect(
      kubeErrorOf(() => patch(current, { strategy: { $retainKeys: ["type"], type: "Recreate", rollingUpdate: {} } }))
        .code,
    ).toBe(400);
  });

  it("puts new values without their nulls and directives, as the server stores them", () => {
    const result = patch(
      {},
      {
        spec: { a: null, b: { c: null, d: 1 }, "$setElementOrder/items": [], $retainKeys: ["b"] },
        items: [{ name: "x", $patch: "delete" }, { name: "y" }],
        gone: { $patch: "replace", x: 1 },
      },
    );
    expect(result).toEqual({ spec: { b: { d: 1 } }, items: [{ name: "y" }] });
  });

  it("refuses malformed directives and list elements with 400", () => {
    const current = { items: [{ name: "a" }], spec: {} };
    for (const bad of [
      { spec: { $patch: "explode" } },
      { items: [{ name: "a", $patch: "explode" }] },
      { items: [{ value: "no name" }] },
      { items: ["a"] },
      { items: [{ $patch: "delete" }] },
      { "$setElementOrder/items": [{ name: "b" }, { name: "a" }], items: [{ name: "a" }, { name: "b" }] },
      { "$setElementOrder/items": "a" },
      { $setElementOrder: [] },
      { "$deleteFromPrimitiveList/tags": "b" },
      { strategy: { $retainKeys: "type" } },
      { tags: [{ a: 1 }] },
    ]) {
      const error = kubeErrorOf(() => patch({ ...current, tags: ["x"], strategy: {} }, bad));
      expect(error.code, JSON.stringify(bad)).toBe(400);
      expect(error.message).toMatch(/^invalid strategic merge patch: /);
    }
  });

  it("uses the upstream merge keys: Deployment containers, env, ports; tolerations replaced", () => {
    const deployment = mergeKeysOf("Deployment");
    expect(deployment?.("spec.template.spec.containers")).toBe("name");
    expect(deployment?.("spec.template.spec.containers[].env")).toBe("name");
    expect(deployment?.("spec.template.spec.containers[].ports")).toBe("containerPort");
    expect(deployment?.("spec.template.spec.initContainers[].volumeMounts")).toBe("mountPath");
    expect(deployment?.("metadata.finalizers")).toBe("");
    expect(deployment?.("spec.template.spec.tolerations")).toBeUndefined();
    expect(mergeKeysOf("Service")?.("spec.ports")).toBe("port");
    expect(mergeKeysOf("Ingress")?.("spec.rules")).toBeUndefined();
    expect(mergeKeysOf("constructor")).toBeUndefined();
    expect(mergeKeysOf("Deployment")?.("constructor")).toBeUndefined();
  });

  it("stays linear on long lists", () => {
    const items = Array.from({ length: 50_000 }, (_, i) => ({ name: `n${i}`, v: i }));
    const started = performance.now();
    const result = patch(
      { items },
      {
        "$setElementOrder/items": items.map(({ name }) => ({ name })).reverse(),
        items: items
          .slice(0, 25_000)
          .map(({ name }) => ({ name, w: 1 }))
          .reverse(),
      },
    );
    expect(names(result)[0]).toBe("n49999");
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
