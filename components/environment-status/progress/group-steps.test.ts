import { describe, expect, it } from "vitest";
import { groupSteps } from "./group-steps";
import { stageTitle } from "./stage-title";
import { stepFixture } from "./testing/step-fixture";

const stages = [
  { id: "prepare", title: "Prepare the nodes" },
  { id: "control-plane", title: "Set up the control plane" },
  { id: "workers", title: "Join the workers" },
] as const;

describe("stageTitle", () => {
  it("uses the plan's title, 'Teardown' for teardown, else the id in words", () => {
    expect(stageTitle("workers", stages)).toBe("Join the workers");
    expect(stageTitle("teardown", stages)).toBe("Teardown");
    expect(stageTitle("day-two", stages)).toBe("Day two");
  });
});

describe("groupSteps", () => {
  const steps = [
    stepFixture({ key: "init-main-cplane", stage: "control-plane", title: "Initialise the first control plane" }),
    stepFixture({
      key: "prepare-instance:k8sm-1",
      stage: "prepare",
      title: "Prepare instance k8sm-1",
      status: "succeeded",
    }),
    stepFixture({ key: "prepare-instance:cp-1", stage: "prepare", title: "Prepare instance cp-1", status: "running" }),
    stepFixture({ key: "setup-api-balancer:mbl-1", stage: "prepare", title: "Set up API balancer mbl-1" }),
    stepFixture({ key: "connect-worker:cp-1", stage: "workers", title: "Join worker cp-1" }),
  ];

  it("orders stages as the plan does and rows by first appearance", () => {
    const timeline = groupSteps(steps, stages);
    expect(timeline.map((s) => s.title)).toEqual(["Prepare the nodes", "Set up the control plane", "Join the workers"]);
    expect(timeline[0]!.rows.map((r) => (r.kind === "step" ? r.step.key : r.name))).toEqual([
      "prepare-instance",
      "setup-api-balancer:mbl-1",
    ]);
  });

  it("folds several steps of one name in a stage into one row, titled without the node", () => {
    const [prepare] = groupSteps(steps, stages);
    const row = prepare!.rows[0]!;
    expect(row.kind).toBe("fan-out");
    if (row.kind !== "fan-out") return;
    expect(row.title).toBe("Prepare instance");
    expect(row.steps.map((s) => s.node)).toEqual(["k8sm-1", "cp-1"]);
    expect(row.summary).toMatchObject({ status: "running", done: 1 });
  });

  it("keeps a single per-node step as a plain row", () => {
    const workers = groupSteps(steps, stages)[2]!;
    expect(workers.rows).toEqual([{ kind: "step", step: steps[4] }]);
  });

  it("puts stages the plan does not know (teardown) after the planned ones", () => {
    const timeline = groupSteps(
      [
        stepFixture({ key: "drain-node:cp-1", stage: "teardown" }),
        stepFixture({ key: "init-main-cplane", stage: "control-plane" }),
      ],
      stages,
    );
    expect(timeline.map((s) => s.title)).toEqual(["Set up the control plane", "Teardown"]);
  });

  it("summarises a fan-out: failed wins, then retrying, running; all done is done; done and waiting is under way", () => {
    const summary = (statuses: ("pending" | "running" | "retrying" | "succeeded" | "failed" | "cancelled")[]) => {
      const group = statuses.map((status, i) => stepFixture({ key: `remove-node:n-${i}`, stage: "teardown", status }));
      const row = groupSteps(group, stages)[0]!.rows[0]!;
      return row.kind === "fan-out" ? row.summary.status : null;
    };
    expect(summary(["succeeded", "failed", "running"])).toBe("failed");
    expect(summary(["succeeded", "retrying", "running"])).toBe("retrying");
    expect(summary(["pending", "running"])).toBe("running");
    expect(summary(["succeeded", "succeeded"])).toBe("succeeded");
    expect(summary(["pending", "pending"])).toBe("pending");
    expect(summary(["succeeded", "pending"])).toBe("running");
    expect(summary(["succeeded", "cancelled"])).toBe("cancelled");
  });

  it("spans a fan-out from its first start to its last finish, with the most attempts any node needed", () => {
    const group = [
      stepFixture({
        key: "x:a",
        status: "succeeded",
        startedAt: "2026-01-01T00:00:02.000Z",
        finishedAt: "2026-01-01T00:00:09.000Z",
        attempts: 1,
      }),
      stepFixture({
        key: "x:b",
        status: "succeeded",
        startedAt: "2026-01-01T00:00:01.000Z",
        finishedAt: "2026-01-01T00:00:05.000Z",
        attempts: 3,
      }),
    ];
    const row = groupSteps(group, stages)[0]!.rows[0]!;
    expect(row.kind === "fan-out" && row.summary).toMatchObject({
      startedAt: "2026-01-01T00:00:01.000Z",
      finishedAt: "2026-01-01T00:00:09.000Z",
      attempts: 3,
      maxAttempts: 4,
      done: 2,
    });
  });

  it("leaves a fan-out's finish empty while any node is unfinished", () => {
    const group = [
      stepFixture({
        key: "x:a",
        status: "succeeded",
        startedAt: "2026-01-01T00:00:00.000Z",
        finishedAt: "2026-01-01T00:00:09.000Z",
      }),
      stepFixture({ key: "x:b", status: "running", startedAt: "2026-01-01T00:00:00.000Z" }),
    ];
    const row = groupSteps(group, stages)[0]!.rows[0]!;
    expect(row.kind === "fan-out" && row.summary.finishedAt).toBeNull();
  });
});
