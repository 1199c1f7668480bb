import { describe, expect, it } from "vitest";
import {
  activeEnvironmentStatuses,
  canTransition,
  environmentStatuses,
  environmentTransitions,
  isTerminal,
} from "./environment-status";

describe("environment states", () => {
  it("only names known states in the transition table", () => {
    for (const targets of Object.values(environmentTransitions)) {
      for (const t of targets) expect(environmentStatuses).toContain(t);
    }
  });

  it("lets a failed install be retried and a running cluster be deleted, never revived once deleted", () => {
    expect(canTransition("failed", "installing")).toBe(true);
    expect(canTransition("running", "deleting")).toBe(true);
    expect(canTransition("deleted", "installing")).toBe(false);
    expect(canTransition("queued", "running")).toBe(false);
  });

  it("treats deleted and cancelled as terminal and everything else as holding quota", () => {
    expect(environmentStatuses.filter(isTerminal)).toEqual(["cancelled", "deleted"]);
    expect(activeEnvironmentStatuses).toEqual([
      "queued",
      "installing",
      "running",
      "updating",
      "failed",
      "cancelling",
      "deleting",
    ]);
  });
});
