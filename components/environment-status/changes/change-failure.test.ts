import { describe, expect, it } from "vitest";
import type { OperationView } from "@/lib/live/status-snapshot";
import { changeFailure } from "./change-failure";

const failed: OperationView = {
  id: "op",
  type: "addons",
  status: "failed",
  summary: "activates Monitoring, Tracing",
  canRollBack: false,
  actor: "Ada",
  createdAt: "2026-11-25T00:00:00.000Z",
  startedAt: "2026-11-25T00:00:00.000Z",
  finishedAt: "2026-11-25T00:01:00.000Z",
  error: {
    stepKey: "install-jaeger",
    stepTitle: "Install Jaeger tracing",
    code: "x",
    message: "m",
    fixableBy: "platform",
    action: "a",
  },
};

describe("changeFailure", () => {
  it("shows a failed change on its own card only", () => {
    expect(changeFailure(failed, ["addons", "remove-addon"], "Tracing")).toBe(
      "Activate add-ons failed at “Install Jaeger tracing”: retry it (above).",
    );
    expect(changeFailure(failed, ["addons"], "Remote API")).toBeNull();
    expect(changeFailure(failed, ["scale-workers"])).toBeNull();
    expect(changeFailure({ ...failed, type: "scale-workers", canRollBack: true }, ["scale-workers"])).toMatch(
      /retry it or roll it back/,
    );
    expect(changeFailure({ ...failed, status: "succeeded" }, ["addons"], "Tracing")).toBeNull();
    expect(changeFailure(undefined, ["addons"])).toBeNull();
  });
});
