import { describe, expect, it } from "vitest";
import { stepFraction } from "@/lib/live/step-fraction";
import { isStepSlow } from "./is-step-slow";
import { overallProgress } from "./overall-progress";
import { stepElapsedMs } from "./step-elapsed-ms";
import { stepFixture } from "./testing/step-fixture";

const t0 = Date.parse("2026-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms).toISOString();

describe("stepElapsedMs", () => {
  it("is 0 before the start, live while running, fixed once finished", () => {
    expect(stepElapsedMs(stepFixture({ key: "a" }), t0 + 5000)).toBe(0);
    expect(stepElapsedMs(stepFixture({ key: "a", status: "running", startedAt: at(0) }), t0 + 4000)).toBe(4000);
    expect(
      stepElapsedMs(
        stepFixture({ key: "a", status: "succeeded", startedAt: at(0), finishedAt: at(3000) }),
        t0 + 99_000,
      ),
    ).toBe(3000);
  });

  it("never goes negative when the client clock is behind", () => {
    expect(stepElapsedMs(stepFixture({ key: "a", status: "running", startedAt: at(5000) }), t0)).toBe(0);
  });
});

describe("stepFraction", () => {
  it("counts a running step by elapsed / estimate, capped at 95 %", () => {
    const running = stepFixture({ key: "a", status: "running", startedAt: at(0), estimatedMs: 10_000 });
    expect(stepFraction(running, t0 + 5000)).toBeCloseTo(0.5);
    expect(stepFraction(running, t0 + 60_000)).toBe(0.95);
  });

  it("counts succeeded as 1 and pending, retrying, failed, cancelled as 0", () => {
    expect(stepFraction(stepFixture({ key: "a", status: "succeeded" }), t0)).toBe(1);
    for (const status of ["pending", "retrying", "failed", "cancelled"] as const) {
      expect(stepFraction(stepFixture({ key: "a", status, startedAt: at(0) }), t0 + 5000)).toBe(0);
    }
  });
});

describe("overallProgress", () => {
  it("weighs steps by their estimates", () => {
    const steps = [
      stepFixture({ key: "a", status: "succeeded", estimatedMs: 30_000 }),
      stepFixture({ key: "b", status: "running", startedAt: at(0), estimatedMs: 20_000 }),
      stepFixture({ key: "c", estimatedMs: 50_000 }),
    ];
    // 30 000 done + 10 000 of b (half) = 40 000 of 100 000.
    expect(overallProgress(steps, t0 + 10_000)).toBeCloseTo(40);
  });

  it("is 0 with no steps and 100 when every step succeeded", () => {
    expect(overallProgress([], t0)).toBe(0);
    expect(
      overallProgress(
        [stepFixture({ key: "a", status: "succeeded" }), stepFixture({ key: "b", status: "succeeded" })],
        t0,
      ),
    ).toBe(100);
  });

  it("never reaches 100 while a step is still running", () => {
    const steps = [
      stepFixture({ key: "a", status: "succeeded" }),
      stepFixture({ key: "b", status: "running", startedAt: at(0) }),
    ];
    expect(overallProgress(steps, t0 + 10 * 60_000)).toBeLessThan(100);
  });

  it("gives a step without an estimate the average weight", () => {
    const steps = [
      stepFixture({ key: "a", status: "succeeded", estimatedMs: 10_000 }),
      stepFixture({ key: "b", estimatedMs: 0 }),
    ];
    expect(overallProgress(steps, t0)).toBeCloseTo(50);
  });
});

describe("isStepSlow", () => {
  it("flags a running step only once it runs longer than 1.5 × its estimate", () => {
    const step = stepFixture({ key: "a", status: "running", startedAt: at(0), estimatedMs: 10_000 });
    expect(isStepSlow(step, t0 + 15_000)).toBe(false);
    expect(isStepSlow(step, t0 + 15_001)).toBe(true);
  });

  it("never flags a step that is not running", () => {
    const done = stepFixture({
      key: "a",
      status: "succeeded",
      startedAt: at(0),
      finishedAt: at(60_000),
      estimatedMs: 10_000,
    });
    expect(isStepSlow(done, t0 + 60_000)).toBe(false);
    expect(isStepSlow(stepFixture({ key: "b", status: "retrying", startedAt: at(0) }), t0 + 60_000)).toBe(false);
  });
});
