import { describe, expect, it } from "vitest";
import { virtualClock } from "./clock";

describe("virtualClock", () => {
  it("fires every timer in order even when nothing sleeps again after a wake-up", async () => {
    const clock = virtualClock(new Date(0));
    const fired: number[] = [];
    await Promise.all([10, 30, 20].map((ms) => clock.sleep(ms).then(() => fired.push(clock.now().getTime()))));
    expect(fired).toEqual([10, 20, 30]);
  });

  it("overlaps parallel sleepers: elapsed time is the longest chain, not the sum", async () => {
    const clock = virtualClock(new Date(0));
    const chain = async (steps: number[]) => {
      for (const ms of steps) await clock.sleep(ms);
    };
    await Promise.all([chain([5, 5, 5]), chain([12]), chain([1, 1])]);
    expect(clock.now().getTime()).toBe(15);
  });
});
