import { describe, expect, it } from "vitest";
import { formatAge } from "./format-age";
import { formatTable } from "./format-table";

describe("formatTable", () => {
  it("pads each column to its widest cell, without trailing spaces", () => {
    expect(
      formatTable(
        ["NAME", "AGE"],
        [
          ["demo-cluster", "3m"],
          ["x", "12d"],
        ],
      ),
    ).toBe("NAME          AGE\ndemo-cluster  3m\nx             12d\n");
  });
});

describe("formatAge", () => {
  const now = new Date("2026-01-10T12:00:00Z");
  it.each([
    ["2026-01-10T11:59:15Z", "45s"],
    ["2026-01-10T11:48:00Z", "12m"],
    ["2026-01-10T09:00:00Z", "3h"],
    ["2026-01-01T12:00:00Z", "9d"],
    ["2026-01-10T12:00:05Z", "0s"],
  ])("%s is %s ago", (since, age) => {
    expect(formatAge(new Date(since), now)).toBe(age);
  });
});
