import { describe, expect, it } from "vitest";
import { renderProgressBar } from "./progress-bar";

describe("renderProgressBar", () => {
  it("fills the bar by the percentage and names the step running", () => {
    expect(renderProgressBar({ status: "installing", progress: { done: 12, total: 21, percent: 56 }, running: ["Join worker cp-2"] })).toBe(
      "[#########-------] 56% 12/21 steps · Join worker cp-2",
    );
  });

  it("names every step running at once", () => {
    expect(renderProgressBar({ status: "installing", progress: { done: 3, total: 8, percent: 37 }, running: ["Join worker cp-1", "Join worker cp-2"] })).toBe(
      "[######----------] 37% 3/8 steps · Join worker cp-1, Join worker cp-2",
    );
  });

  it("shows the status when no step runs, from empty to full", () => {
    expect(renderProgressBar({ status: "queued", progress: { done: 0, total: 21, percent: 0 }, running: [] })).toBe("[----------------] 0% 0/21 steps · queued");
    expect(renderProgressBar({ status: "running", progress: { done: 21, total: 21, percent: 100 }, running: [] })).toBe("[################] 100% 21/21 steps · running");
  });

  it("takes another width", () => {
    expect(renderProgressBar({ status: "installing", progress: { done: 1, total: 2, percent: 50 }, running: [] }, 4)).toBe("[##--] 50% 1/2 steps · installing");
  });
});
