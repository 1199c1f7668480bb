import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { supervise, type Child } from "./supervise";

class FakeChild extends EventEmitter implements Child {
  killedWith: NodeJS.Signals | undefined;
  kill(signal: NodeJS.Signals) {
    this.killedWith = signal;
  }
  die(code: number | null, signal: NodeJS.Signals | null = null) {
    this.emit("exit", code, signal);
  }
}

function harness(options: { maxQuickCrashes?: number } = {}) {
  let time = 0;
  const children: FakeChild[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const lines: string[] = [];
  const exits: number[] = [];
  const supervisor = supervise({
    start: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    log: (line) => lines.push(line),
    exit: (code) => exits.push(code),
    now: () => time,
    after: (ms, run) => timers.push({ at: time + ms, run }),
    ...options,
  });
  const advance = (ms: number) => {
    time += ms;
    const due = timers.filter((t) => t.at <= time);
    timers.splice(0, timers.length, ...timers.filter((t) => t.at > time));
    for (const timer of due) timer.run();
  };
  return { supervisor, children, lines, exits, advance, timers };
}

describe("supervise", () => {
  it("restarts a server that crashes, waiting so that starts are at least a second apart, and says so", () => {
    const h = harness();
    h.advance(300);
    h.children[0]!.die(null, "SIGABRT");
    expect(h.children).toHaveLength(1);
    expect(h.lines.at(-1)).toBe(
      "⚠ The web server was killed by SIGABRT after 300 ms; restarting it in 700 ms (restart 1).",
    );
    h.advance(699);
    expect(h.children).toHaveLength(1);
    h.advance(1);
    expect(h.children).toHaveLength(2);
    expect(h.exits).toEqual([]);
  });

  it("restarts at once a server that ran longer than a second", () => {
    const h = harness();
    h.advance(60_000);
    h.children[0]!.die(134);
    expect(h.lines.at(-1)).toBe("⚠ The web server exited with code 134 after 60 s; restarting it (restart 1).");
    h.advance(0);
    expect(h.children).toHaveLength(2);
  });

  it("does not restart a server that stopped cleanly, and ends with its code", () => {
    const h = harness();
    h.children[0]!.die(0);
    h.advance(5_000);
    expect(h.children).toHaveLength(1);
    expect(h.exits).toEqual([0]);
  });

  it("stop() sends SIGTERM and ends when the server has exited, without restarting it", () => {
    const h = harness();
    h.supervisor.stop();
    expect(h.children[0]!.killedWith).toBe("SIGTERM");
    expect(h.exits).toEqual([]);
    h.children[0]!.die(null, "SIGTERM");
    h.advance(5_000);
    expect(h.children).toHaveLength(1);
    expect(h.exits).toEqual([0]);
  });

  it("stop() between a crash and its restart ends without starting another server", () => {
    const h = harness();
    h.children[0]!.die(1);
    h.supervisor.stop();
    h.advance(5_000);
    expect(h.children).toHaveLength(1);
    expect(h.exits).toEqual([0]);
  });

  it("gives up on a server that keeps dying right after it starts, with its exit code", () => {
    const h = harness({ maxQuickCrashes: 3 });
    for (let i = 0; i < 3; i++) {
      h.advance(1_000);
      h.children.at(-1)!.die(7);
    }
    h.advance(5_000);
    expect(h.children).toHaveLength(3);
    expect(h.exits).toEqual([7]);
    expect(h.lines.at(-1)).toContain("3 times in a row within 10 s of starting: giving up");
  });

  it("counts quick crashes in a row only: a server that ran a while starts the count again", () => {
    const h = harness({ maxQuickCrashes: 2 });
    h.advance(1_000);
    h.children.at(-1)!.die(1);
    h.advance(1_000);
    h.advance(60_000);
    h.children.at(-1)!.die(1);
    h.advance(0);
    h.advance(1_000);
    h.children.at(-1)!.die(1);
    expect(h.exits).toEqual([]);
    h.advance(0);
    h.advance(1_000);
    h.children.at(-1)!.die(1);
    expect(h.exits).toEqual([1]);
    expect(h.supervisor.restarts).toBe(3);
  });
});
