import { describe, expect, it } from "vitest";
import { exitCodeForStatus, exitCodes, exitCodesHelp } from "./exit-codes";

describe("exitCodeForStatus", () => {
  it.each([
    [400, exitCodes.usage],
    [401, exitCodes.auth],
    [403, exitCodes.auth],
    [404, exitCodes.notFound],
    [409, exitCodes.conflict],
    [422, exitCodes.conflict],
    [429, exitCodes.rateLimited],
    [500, exitCodes.unreachable],
    [503, exitCodes.unreachable],
    [405, exitCodes.failed],
  ])("maps %i to %i", (status, code) => {
    expect(exitCodeForStatus(status)).toBe(code);
  });

  it("documents every code in the help", () => {
    for (const code of Object.values(exitCodes)) expect(exitCodesHelp).toMatch(new RegExp(`^  ${code}  `, "m"));
  });
});
