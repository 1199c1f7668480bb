import { describe, expect, it } from "vitest";
import { mergePatch } from "./merge-patch";

describe("mergePatch (RFC 7386)", () => {
  it("follows the RFC's examples", () => {
    expect(mergePatch({ a: "b" }, { a: "c" })).toEqual({ a: "c" });
    expect(mergePatch({ a: "b" }, { b: "c" })).toEqual({ a: "b", b: "c" });
    expect(mergePatch({ a: "b" }, { a: null })).toEqual({});
    expect(mergePatch({ a: "b", b: "c" }, { a: null })).toEqual({ b: "c" });
    expect(mergePatch({ a: ["b"] }, { a: "c" })).toEqual({ a: "c" });
    expect(mergePatch({ a: "c" }, { a: ["b"] })).toEqual({ a: ["b"] });
    expect(mergePatch({ a: { b: "c" } }, { a: { b: "d", c: null } })).toEqual({ a: { b: "d" } });
    expect(mergePatch({ a: [{ b: "c" }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(mergePatch({}, { a: { bb: { ccc: null } } })).toEqual({ a: { bb: {} } });
  });

  it("replaces lists whole, as kubectl patch --type=merge users must expect", () => {
    const current = {
      spec: {
        template: {
          spec: {
            containers: [
              { name: "web", image: "a" },
              { name: "sidecar", image: "b" },
            ],
          },
        },
      },
    };
    const result = mergePatch(current, {
      spec: { template: { spec: { containers: [{ name: "web", image: "c", env: [{ name: "X", value: null }] }] } } },
    });
    expect(result).toEqual({
      spec: { template: { spec: { containers: [{ name: "web", image: "c", env: [{ name: "X" }] }] } } },
    });
  });
});
