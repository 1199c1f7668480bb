import { describe, expect, it } from "vitest";
import { valueProblem } from "./value-problem";

describe("valueProblem", () => {
  it("passes a sound object, and names where a lone surrogate is, in a value or a key", () => {
    expect(valueProblem({ data: { a: "é🚀" }, list: [1, "x", null, { b: true }] }, 100)).toBeUndefined();
    expect(valueProblem({ data: { a: "x\ud800" } }, 100)).toMatch(/^data\.a holds a string that is not valid Unicode/);
    expect(valueProblem({ spec: { ports: [{}, { name: "\udc00" }] } }, 100)).toMatch(/^spec\.ports\[1\]\.name holds/);
    expect(valueProblem({ data: { "\ud800": "x" } }, 100)).toMatch(/^data has a field name that is not valid Unicode/);
    expect(valueProblem("\ud800", 100)).toMatch(/^the top level holds/);
  });

  it("counts depth as JSON nests ({} is one level) and walks a million levels without recursion", () => {
    const nested = (levels: number) => JSON.parse(`${"[".repeat(levels)}${"]".repeat(levels)}`);
    expect(valueProblem(nested(100), 100)).toBeUndefined();
    expect(valueProblem(nested(101), 100)).toMatch(/deeper than 100 levels/);
    let deep: unknown = {};
    for (let i = 0; i < 1_000_000; i++) deep = { a: deep };
    expect(valueProblem(deep, 100)).toMatch(/deeper than 100 levels \(at …a\.a\.a/);
  });
});
