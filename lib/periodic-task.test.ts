import { afterEach, describe, expect, it, vi } from "vitest";
import { startPeriodicTask } from "./periodic-task";

afterEach(() => vi.useRealTimers());

describe("startPeriodicTask", () => {
  it("never overlaps passes, survives a failed one, and stops after the pass under way", async () => {
    vi.useFakeTimers();
    let active = 0;
    let most = 0;
    let passes = 0;
    const errors: unknown[] = [];
    let release: () => void = () => {};
    const task = startPeriodicTask(
      100,
      async () => {
        passes += 1;
        active += 1;
        most = Math.max(most, active);
        if (passes === 1) throw new Error("first pass fails");
        await new Promise<void>((r) => (release = r));
        active -= 1;
      },
      (e) => {
        active -= 1;
        errors.push(e);
      },
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100); // the second pass starts and waits
    await vi.advanceTimersByTimeAsync(500); // ticks meanwhile are skipped
    expect(passes).toBe(2);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(most).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(2);
  });
});
