import { describe, expect, it } from "vitest";
import { parseQuantity } from "./quantity";

describe("parseQuantity", () => {
  it("reads CPU and memory as the API writes them", () => {
    expect(parseQuantity("250m")).toBeCloseTo(0.25);
    expect(parseQuantity("1.5")).toBe(1.5);
    expect(parseQuantity(2)).toBe(2);
    expect(parseQuantity("128Mi")).toBe(128 * 2 ** 20);
    expect(parseQuantity("1G")).toBe(1e9);
    expect(parseQuantity("1e3")).toBe(1000);
  });

  it("refuses what is not a quantity", () => {
    for (const bad of ["", "abc", "1 Gi", "12MB", "--1", null, {}]) expect(parseQuantity(bad)).toBeUndefined();
  });
});
