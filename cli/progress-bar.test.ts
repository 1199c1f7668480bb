import { describe, expect, it } from "vitest";
import { progressKey, renderProgressBar } from "./progress-bar";

const progress = (
  done: number,
  total: number,
  percent: number,
  elapsedSeconds = 0,
  remainingSeconds: number | null = null,
) => ({ done, total, percent, elapsedSeconds, remainingSeconds });

describe("renderProgressBar", () => {
  it("fills the bar by the percentage, shows the time elapsed and left, and names the step running", () => {
    expect(
      renderProgressBar({
        status: "installing",
        progress: progress(12, 21, 56, 64, 120),
        running: ["Join worker cp-2"],
      }),
    ).toBe("[#########-------] 56% 12/21 steps · 1 min 4 s elapsed · about 2 min left · Join worker cp-2");
  });

  it("names every step running at once", () => {
    expect(
      renderProgressBar({
        status: "installing",
        progress: progress(3, 8, 37, 5, 45),
        running: ["Join worker cp-1", "Join worker cp-2"],
      }),
    ).toBe("[######----------] 37% 3/8 steps · 5 s elapsed · about 45 s left · Join worker cp-1, Join worker cp-2");
  });

  it("shows the status when no step runs, from empty to full; no time left once it ended", () => {
    expect(renderProgressBar({ status: "queued", progress: progress(0, 21, 0, 0, 300), running: [] })).toBe(
      "[----------------] 0% 0/21 steps · 0 s elapsed · about 5 min left · queued",
    );
    expect(renderProgressBar({ status: "running", progress: progress(21, 21, 100, 3725), running: [] })).toBe(
      "[################] 100% 21/21 steps · 1 h 2 min elapsed · running",
    );
  });

  it("says finishing when under a second is left", () => {
    expect(
      renderProgressBar({ status: "installing", progress: progress(20, 21, 95, 90, 0), running: ["Check health"] }),
    ).toBe("[###############-] 95% 20/21 steps · 1 min 30 s elapsed · finishing · Check health");
  });

  it("takes another width, and an answer without times (an older server)", () => {
    expect(
      renderProgressBar(
        {
          status: "installing",
          progress: { done: 1, total: 2, percent: 50 } as ReturnType<typeof progress>,
          running: [],
        },
        4,
      ),
    ).toBe("[##--] 50% 1/2 steps · installing");
  });
});

describe("progressKey", () => {
  it("changes with the steps, not with the clock", () => {
    const at = (elapsed: number, done = 1) => ({
      status: "installing" as const,
      progress: progress(done, 4, done * 25, elapsed, 60 - elapsed),
      running: ["Join worker cp-1"],
    });
    expect(progressKey(at(1))).toBe(progressKey(at(2)));
    expect(progressKey(at(2, 2))).not.toBe(progressKey(at(2)));
  });
});
