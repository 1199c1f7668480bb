import { describe, expect, it } from "vitest";
import { upgradeTargets } from "./upgrade-targets";

const catalogue = [
  { id: "1.37.1", minor: "1.37", releasedOn: "2026-10-14" },
  { id: "1.36.5", minor: "1.36", releasedOn: "2026-10-14" },
  { id: "1.36.4", minor: "1.36", releasedOn: "2026-09-10" },
  { id: "1.35.9", minor: "1.35", releasedOn: "2026-10-14" },
];

describe("upgradeTargets", () => {
  it("offers the latest patch of the current minor and the next minor, never skipping one", () => {
    expect(upgradeTargets("1.36.3", catalogue)).toEqual({ patch: "1.36.5", minor: "1.37.1" });
    expect(upgradeTargets("1.35.9", catalogue)).toEqual({ minor: "1.36.5" });
    expect(upgradeTargets("1.36.5", catalogue)).toEqual({ minor: "1.37.1" });
  });

  it("offers nothing beyond the newest release", () => {
    expect(upgradeTargets("1.37.1", catalogue)).toEqual({});
    expect(upgradeTargets("1.34.12")).toEqual({ minor: "1.35.9" });
  });
});
