import { describe, expect, it } from "vitest";
import { environmentStatusForOperation } from "@/lib/engine";
import { canRequest, environmentActions } from "./environment-actions";
import { canTransition, environmentStatuses } from "./environment-status";

describe("environment actions", () => {
  it("only ever move an environment along its transition table", () => {
    // A retry from running resumes a failed change; from failed, whatever operation failed.
    const retryTargets = { running: ["scale-workers"], failed: ["install", "addons", "cancel", "delete"] } as Record<
      string,
      string[]
    >;
    for (const [action, rule] of Object.entries(environmentActions)) {
      for (const from of rule.from) {
        const targets = rule.to ? [rule.to] : retryTargets[from]!.map(environmentStatusForOperation);
        for (const to of targets) expect(canTransition(from, to), `${action}: ${from} → ${to}`).toBe(true);
      }
    }
  });

  it("offer each action in exactly its states", () => {
    const offered = (action: keyof typeof environmentActions) =>
      environmentStatuses.filter((s) => canRequest(action, s));
    expect(offered("cancel")).toEqual(["queued", "installing"]);
    expect(offered("retry")).toEqual(["running", "failed"]);
    expect(offered("change")).toEqual(["running"]);
    expect(offered("rollback")).toEqual(["running"]);
    expect(offered("delete")).toEqual(["running", "failed"]);
  });
});
