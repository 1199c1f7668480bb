import { describe, expect, it } from "vitest";
import { estimateRemainingMs } from "./estimate-remaining-ms";
import { observedRatio } from "./observed-ratio";
import { stepFixture } from "./testing/step-fixture";

const t0 = Date.parse("2026-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms).toISOString();

describe("observedRatio", () => {
  it("is 1 until a step has finished", () => {
    expect(
      observedRatio([stepFixture({ key: "a" }), stepFixture({ key: "b", status: "running", startedAt: at(0) })]),
    ).toBe(1);
  });

  it("is Σ actual / Σ estimate of the succeeded steps", () => {
    const steps = [
      stepFixture({ key: "a", status: "succeeded", startedAt: at(0), finishedAt: at(1000), estimatedMs: 10_000 }),
      stepFixture({ key: "b", status: "succeeded", startedAt: at(0), finishedAt: at(3000), estimatedMs: 10_000 }),
    ];
    expect(observedRatio(steps)).toBeCloseTo(0.2);
  });

  it("is bounded, so one odd step cannot make the ETA absurd", () => {
    expect(
      observedRatio([
        stepFixture({ key: "a", status: "succeeded", startedAt: at(0), finishedAt: at(0), estimatedMs: 10_000 }),
      ]),
    ).toBe(0.01);
    expect(
      observedRatio([stepFixture({ key: "a", status: "succeeded", startedAt: at(0), finishedAt: at(10_000_000) })]),
    ).toBe(10);
  });
});

describe("estimateRemainingMs", () => {
  it("is 0 when everything finished and null once a step failed", () => {
    expect(estimateRemainingMs([stepFixture({ key: "a", status: "succeeded" })], t0)).toBe(0);
    expect(
      estimateRemainingMs([stepFixture({ key: "a", status: "failed" }), stepFixture({ key: "b" })], t0),
    ).toBeNull();
  });

  it("scales what is left by how fast finished steps ran", () => {
    const steps = [
      stepFixture({
        key: "a",
        stage: "prepare",
        status: "succeeded",
        startedAt: at(0),
        finishedAt: at(5000),
        estimatedMs: 10_000,
      }),
      stepFixture({ key: "b", stage: "network", estimatedMs: 40_000 }),
    ];
    expect(estimateRemainingMs(steps, t0 + 5000)).toBe(20_000);
  });

  it("takes a running step's elapsed time off, but keeps at least 5 % of it", () => {
    const running = stepFixture({ key: "a", status: "running", startedAt: at(0), estimatedMs: 10_000 });
    expect(estimateRemainingMs([running], t0 + 4000)).toBe(6000);
    expect(estimateRemainingMs([running], t0 + 60_000)).toBe(500);
  });

  it("adds the backoff still to wait to a retrying step", () => {
    const retrying = stepFixture({ key: "a", status: "retrying", availableAt: at(3000), estimatedMs: 10_000 });
    expect(estimateRemainingMs([retrying], t0)).toBe(13_000);
    expect(estimateRemainingMs([retrying], t0 + 5000)).toBe(10_000);
  });

  it("with dependencies: the longest chain through the unfinished steps (the remaining critical path)", () => {
    const deps = (key: string, dependsOn: string[], estimatedMs: number, extra = {}) => ({
      ...stepFixture({ key, estimatedMs, ...extra }),
      dependsOn,
    });
    const steps = [
      deps("prep", [], 10_000, { status: "succeeded", startedAt: at(0), finishedAt: at(10_000) }),
      deps("init", ["prep"], 90_000),
      deps("join-1", ["init"], 60_000),
      deps("join-2", ["join-1"], 60_000),
      deps("worker", ["init"], 45_000),
      deps("ingress", ["worker"], 40_000),
      deps("health", ["join-2", "ingress"], 20_000),
    ];
    // init 90 → join-1 60 → join-2 60 → health 20 = 230 s; the worker branch (90+45+40) is shorter.
    expect(estimateRemainingMs(steps, t0 + 10_000)).toBe(230_000);
  });
});
