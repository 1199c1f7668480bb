import { describe, expect, it } from "vitest";
import type { LogLineView } from "@/lib/live/status-snapshot";
import { filterLogs } from "./filter-logs";
import { mergeLogs } from "./merge-logs";
import { stepLogTail } from "./step-log-tail";

const line = (id: number, stepKey: string | null = "a", node: string | null = null): LogLineView => ({
  id,
  at: "2026-01-01T00:00:00.000Z",
  level: "info",
  stepKey,
  node,
  message: `line ${id}`,
});

describe("mergeLogs", () => {
  it("appends new lines and drops ones already there", () => {
    expect(mergeLogs([line(1), line(2)], [line(2), line(3)]).map((l) => l.id)).toEqual([1, 2, 3]);
  });

  it("keeps id order when a gap is filled late", () => {
    expect(mergeLogs([line(1), line(5)], [line(3), line(4)]).map((l) => l.id)).toEqual([1, 3, 4, 5]);
  });

  it("returns the same array when nothing is new (no re-render)", () => {
    const current = [line(1)];
    expect(mergeLogs(current, [line(1)])).toBe(current);
    expect(mergeLogs(current, [])).toBe(current);
  });

  it("deduplicates within one batch", () => {
    expect(mergeLogs([], [line(2), line(2), line(1)]).map((l) => l.id)).toEqual([1, 2]);
  });
});

describe("filterLogs", () => {
  const lines = [
    line(1, "prepare-instance:cp-1", "cp-1"),
    line(2, "prepare-instance:k8sm-1", "k8sm-1"),
    line(3, "init-main-cplane", "k8sm-1"),
  ];
  it("filters by step, by node, both, or neither", () => {
    expect(filterLogs(lines, { stepKey: "", node: "" })).toHaveLength(3);
    expect(filterLogs(lines, { stepKey: "init-main-cplane", node: "" }).map((l) => l.id)).toEqual([3]);
    expect(filterLogs(lines, { stepKey: "", node: "k8sm-1" }).map((l) => l.id)).toEqual([2, 3]);
    expect(filterLogs(lines, { stepKey: "prepare-instance:cp-1", node: "k8sm-1" })).toEqual([]);
  });
});

describe("stepLogTail", () => {
  it("gives the last 10 lines of the step, oldest first", () => {
    const lines = [...Array.from({ length: 15 }, (_, i) => line(i + 1, "connect-worker:cp-1")), line(99, "other")];
    expect(stepLogTail(lines, "connect-worker:cp-1").map((l) => l.id)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(stepLogTail(lines, "connect-worker:cp-1", 2).map((l) => l.id)).toEqual([14, 15]);
    expect(stepLogTail(lines, "missing")).toEqual([]);
  });
});
