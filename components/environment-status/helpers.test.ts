import { describe, expect, it } from "vitest";
import { environmentStatuses } from "@/lib/environments/environment-status";
import { formatUtc } from "@/lib/format/format-utc";
import { availableActions } from "./actions/available-actions";
import { failureOf } from "./actions/failure-of";
import { copyLabels } from "./credentials/copy-labels";
import { clockOffset } from "./live/clock-offset";
import { nodeStateStyle, nodeStateStyles } from "./nodes/node-state-style";
import { operationElapsedMs } from "./progress/operation-elapsed-ms";
import { stepDurationText } from "./progress/step-duration-text";
import { stepFixture } from "./progress/testing/step-fixture";

const t0 = Date.parse("2026-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(t0 + ms).toISOString();

describe("availableActions", () => {
  it("offers each action only in the states where it applies", () => {
    const offered = Object.fromEntries(
      environmentStatuses.map((s) => [
        s,
        Object.entries(availableActions(s))
          .filter(([a, on]) => on === true && a !== "changeBlocked")
          .map(([a]) => a),
      ]),
    );
    expect(offered).toEqual({
      queued: ["cancel"],
      installing: ["cancel"],
      running: ["change", "delete", "open"],
      updating: ["open"],
      failed: ["retry", "delete"],
      cancelling: [],
      cancelled: [],
      deleting: [],
      deleted: [],
    });
  });

  it("on a running cluster whose newest change failed, offers its retry (and rollback when it added nodes) instead of changes", () => {
    const failed = {
      id: "op",
      type: "scale-workers" as const,
      status: "failed" as const,
      summary: "scales workers 1 → 2, adding cp-2",
      canRollBack: true,
      actor: "Ada",
      createdAt: at(0),
      startedAt: at(0),
      finishedAt: at(1000),
      error: null,
    };
    expect(availableActions("running", failed)).toMatchObject({
      retry: true,
      rollback: true,
      change: false,
      changeBlocked: "Scale workers failed; retry it or roll it back before making another change.",
      delete: true,
    });
    expect(availableActions("running", { ...failed, canRollBack: false })).toMatchObject({
      retry: true,
      rollback: false,
      changeBlocked: "Scale workers failed; retry it before making another change.",
    });
    expect(availableActions("running", { ...failed, status: "succeeded" })).toMatchObject({
      retry: false,
      rollback: false,
      change: true,
      changeBlocked: null,
    });
    expect(availableActions("updating").changeBlocked).toBe(
      "A change is in progress; the next one can start when it ends.",
    );
  });
});

describe("copyLabels", () => {
  it("names the Copy buttons after what they copy", () => {
    expect(copyLabels({ label: "Admin token" })).toEqual({ value: "Copy admin token", username: null });
    expect(copyLabels({ label: "API token" }).value).toBe("Copy API token");
    expect(copyLabels({ label: "Grafana password", username: "admin" })).toEqual({
      value: "Copy Grafana password",
      username: "Copy Grafana username",
    });
    expect(copyLabels({ label: "Jaeger", username: "jaeger" })).toEqual({
      value: "Copy Jaeger password",
      username: "Copy Jaeger username",
    });
  });
});

describe("clockOffset", () => {
  it("is server minus client time, keeping the largest sample", () => {
    expect(clockOffset(at(5000), t0)).toBe(5000);
    expect(clockOffset(at(4000), t0, 5000)).toBe(5000);
    expect(clockOffset(at(7000), t0, 5000)).toBe(7000);
    expect(clockOffset("garbage", t0, 42)).toBe(42);
    expect(clockOffset("garbage", t0)).toBe(0);
  });
});

describe("formatUtc", () => {
  it("prints UTC whatever the local zone, and leaves unparsable text alone", () => {
    expect(formatUtc("2026-03-04T05:06:07.000+00:00")).toBe("2026-03-04 05:06:07 UTC");
    expect(formatUtc("2026-03-04T05:06:07.000+02:00", { timeOnly: true })).toBe("03:06:07");
    expect(formatUtc("soon")).toBe("soon");
  });
});

describe("nodeStateStyle", () => {
  it("tells apart planned, booting, running, not Ready and removed nodes", () => {
    expect(nodeStateStyle(undefined)).toBe(nodeStateStyles.planned);
    expect(nodeStateStyle({ state: "booting", ready: null })).toBe(nodeStateStyles.booting);
    expect(nodeStateStyle({ state: "running", ready: true })).toBe(nodeStateStyles.running);
    expect(nodeStateStyle({ state: "running", ready: null })).toBe(nodeStateStyles.running);
    expect(nodeStateStyle({ state: "running", ready: false })).toBe(nodeStateStyles.notReady);
    expect(nodeStateStyle({ state: "removed", ready: null })).toBe(nodeStateStyles.removed);
    expect(nodeStateStyle({ state: "mystery", ready: null }).label).toBe("mystery");
  });
});

describe("operationElapsedMs", () => {
  it("runs from the start (or the request while queued) to the end or now", () => {
    expect(operationElapsedMs({ createdAt: at(0), startedAt: null, finishedAt: null }, t0 + 2000)).toBe(2000);
    expect(operationElapsedMs({ createdAt: at(0), startedAt: at(1000), finishedAt: null }, t0 + 5000)).toBe(4000);
    expect(operationElapsedMs({ createdAt: at(0), startedAt: at(1000), finishedAt: at(3000) }, t0 + 99_000)).toBe(2000);
  });
});

describe("stepDurationText", () => {
  it("shows the estimate, live elapsed, time taken, or the backoff left", () => {
    expect(stepDurationText(stepFixture({ key: "a", estimatedMs: 45_000 }), t0)).toBe("about 45 s");
    expect(stepDurationText(stepFixture({ key: "a", estimatedMs: 400 }), t0)).toBe("under 1 s");
    expect(stepDurationText(stepFixture({ key: "a", status: "running", startedAt: at(0) }), t0 + 65_000)).toBe(
      "1 min 5 s",
    );
    expect(
      stepDurationText(
        stepFixture({ key: "a", status: "succeeded", startedAt: at(0), finishedAt: at(3000) }),
        t0 + 9e6,
      ),
    ).toBe("3 s");
    expect(stepDurationText(stepFixture({ key: "a", status: "retrying", availableAt: at(4500) }), t0)).toBe(
      "retry in 5 s",
    );
    expect(stepDurationText(stepFixture({ key: "a", status: "retrying", availableAt: at(0) }), t0 + 1)).toBe(
      "retrying now",
    );
    expect(stepDurationText(stepFixture({ key: "a", status: "cancelled" }), t0)).toBe("not run");
    expect(stepDurationText(stepFixture({ key: "a", status: "cancelled", startedAt: at(0) }), t0 + 5000)).toBe(
      "stopped",
    );
  });
});

describe("failureOf", () => {
  const operation = {
    id: "op",
    type: "install" as const,
    status: "failed" as const,
    actor: "Ada",
    createdAt: at(0),
    startedAt: at(0),
    finishedAt: at(9000),
    error: null,
    summary: null,
    canRollBack: false,
  };
  const failedStep = stepFixture({
    key: "connect-worker:cp-1",
    title: "Join worker cp-1",
    status: "failed",
    error: { message: "did not join", fixableBy: "platform", action: "Retry", transient: false },
  });

  it("prefers the operation's recorded error", () => {
    const error = { stepKey: "x", stepTitle: "X", code: "c", message: "m", fixableBy: "user" as const, action: "a" };
    expect(failureOf({ ...operation, error }, [failedStep])).toBe(error);
  });

  it("falls back to the failed step's error, and is null unless the operation failed", () => {
    expect(failureOf(operation, [failedStep])).toMatchObject({
      stepKey: "connect-worker:cp-1",
      stepTitle: "Join worker cp-1",
      fixableBy: "platform",
    });
    expect(failureOf({ ...operation, status: "running" }, [failedStep])).toBeNull();
    expect(failureOf(undefined, [failedStep])).toBeNull();
  });
});
