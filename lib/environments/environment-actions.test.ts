import { describe, expect, it } from "vitest";
import { environmentStatusForOperation } from "@/lib/engine";
import { canRequest, environmentActions } from "./environment-actions";
import { canTransition, environmentStatuses } from "./environment-status";

describe("environment actions", () => {
  it("only ever move an environment along its transition table", () => {
    for (const [action, rule] of Object.entries(environmentActions)) {
      for (const from of rule.from) {
        const targets = rule.to ? [rule.to] : ["install", "addons", "cancel", "delete"].map(environmentStatusForOperation);
        for (const to of targets) expect(canTransition(from, to), `${action}: ${from} → ${to}`).toBe(true);
      }
    }
  });

  it("offer each action in exactly its states", () => {
    const offered = (action: keyof typeof environmentActions) => environmentStatuses.filter((s) => canRequest(action, s));
    expect(offered("cancel")).toEqual(["queued", "installing"]);
    expect(offered("retry")).toEqual(["failed"]);
    expect(offered("addons")).toEqual(["running"]);
    expect(offered("delete")).toEqual(["running", "failed"]);
  });
});
