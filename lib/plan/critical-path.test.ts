import { describe, expect, it } from "vitest";
import { criticalPath } from "./critical-path";
import { findGraphProblems } from "./find-graph-problems";
import { scheduleSteps } from "./schedule-steps";
import { topologicalOrder } from "./topological-order";

const s = (key: string, estimatedSeconds: number, dependsOn: string[] = []) => ({ key, estimatedSeconds, dependsOn });

// a(10) ─► b(5) ─► d(1)
//   └────► c(20) ─┘
const diamond = [s("a", 10), s("b", 5, ["a"]), s("c", 20, ["a"]), s("d", 1, ["b", "c"])];

describe("criticalPath and scheduleSteps", () => {
  it("takes the longest chain, not the sum", () => {
    expect(criticalPath(diamond)).toBe(31);
  });

  it("is 0 for no steps and the estimate for one step", () => {
    expect(criticalPath([])).toBe(0);
    expect(criticalPath([s("only", 7)])).toBe(7);
  });

  it("is the longest of independent chains", () => {
    expect(criticalPath([s("a", 3), s("b", 4, ["a"]), s("c", 9)])).toBe(9);
  });

  it("does not depend on the order steps are given in", () => {
    expect(criticalPath([...diamond].reverse())).toBe(31);
  });

  it("starts each step when its last dependency finishes", () => {
    expect(scheduleSteps(diamond)).toEqual({
      a: { start: 0, finish: 10 },
      b: { start: 10, finish: 15 },
      c: { start: 10, finish: 30 },
      d: { start: 30, finish: 31 },
    });
  });

  it("throws rather than guess on a graph that cannot run", () => {
    expect(() => criticalPath([s("a", 1, ["b"]), s("b", 1, ["a"])])).toThrow(/cycle/);
  });
});

describe("topologicalOrder", () => {
  it("puts dependencies first and otherwise keeps the given order", () => {
    const order = topologicalOrder([s("d", 1, ["b", "c"]), s("c", 1, ["a"]), s("b", 1, ["a"]), s("a", 1)]);
    expect(order.map((x) => x.key)).toEqual(["a", "c", "b", "d"]);
  });

  it("keeps an already valid order unchanged", () => {
    expect(topologicalOrder(diamond)).toEqual(diamond);
  });

  it("tolerates a dependency listed twice", () => {
    expect(topologicalOrder([s("a", 1), s("b", 1, ["a", "a"])]).map((x) => x.key)).toEqual(["a", "b"]);
  });

  it("throws on a cycle", () => {
    expect(() => topologicalOrder([s("a", 1, ["c"]), s("b", 1, ["a"]), s("c", 1, ["b"])])).toThrow(/cycle/);
  });
});

describe("findGraphProblems", () => {
  it("finds nothing wrong with a valid graph", () => {
    expect(findGraphProblems(diamond)).toEqual([]);
  });

  it("reports duplicate keys", () => {
    expect(findGraphProblems([s("a", 1), s("a", 2)])).toEqual(['Step key "a" is used more than once.']);
  });

  it("reports dependencies on missing steps", () => {
    expect(findGraphProblems([s("a", 1, ["ghost"])])).toEqual([
      'Step "a" depends on "ghost", which is not in the graph.',
    ]);
  });

  it("reports a self-dependency and the steps stuck behind a cycle", () => {
    expect(findGraphProblems([s("a", 1, ["a"])])).toEqual(['Steps "a" are on or behind a dependency cycle.']);
    expect(findGraphProblems([s("ok", 1), s("x", 1, ["y"]), s("y", 1, ["x"]), s("z", 1, ["y", "ok"])])).toEqual([
      'Steps "x", "y", "z" are on or behind a dependency cycle.',
    ]);
  });
});
