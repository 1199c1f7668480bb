import { describe, expect, it } from "vitest";
import { auditCsv } from "./audit-csv";

describe("auditCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    const csv = auditCsv([
      { id: "1", at: "2026-11-26T10:00:00.000Z", action: "environment.install", outcome: "success", target: "=HYPERLINK(\"x\")", via: "token:ci, nightly", ip: "10.0.0.1", userAgent: "curl/8", details: { a: 1 } },
    ]);
    expect(csv).toBe(
      'time,action,outcome,target,via,ip,user_agent,details\r\n2026-11-26T10:00:00.000Z,environment.install,success,"\'=HYPERLINK(""x"")","token:ci, nightly",10.0.0.1,curl/8,"{""a"":1}"\r\n',
    );
  });
});
