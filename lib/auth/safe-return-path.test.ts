import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeReturnPath("/environments/demo?tab=logs#end")).toBe("/environments/demo?tab=logs#end");
    expect(safeReturnPath("/marketplace/kubernetes-cluster/install")).toBe("/marketplace/kubernetes-cluster/install");
    // Still encoded, this is a path on this site; only its decoded form would leave it.
    expect(safeReturnPath("/%09/evil.example")).toBe("/%09/evil.example");
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r/evil.example/x",
    "\t//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j, which a browser would take off-site (or is no path)", (value) => {
    expect(safeReturnPath(value)).toBe("/marketplace");
  });

  it("judges the decoded query value as a browser would follow it", () => {
    // What `?next=/%09/evil.example/` decodes to reaches safeReturnPath as a tab.
    const decoded = new URLSearchParams("next=/%09/evil.example/").get("next");
    expect(safeReturnPath(decoded)).toBe("/marketplace");
    const hostile = ["/\u0009/", "/\u000a/", "/\u000d/"].map((p) => safeReturnPath(`${p}evil.example/`));
    expect(new Set(hostile)).toEqual(new Set(["/marketplace"]));
  });

  it("falls back when next is repeated or missing", () => {
    expect(safeReturnPath(["/a", "/b"])).toBe("/marketplace");
    expect(safeReturnPath(undefined)).toBe("/marketplace");
    expect(safeReturnPath(null, "/account")).toBe("/account");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeReturnPath("/../../etc/passwd")).toBe("/etc/passwd");
    expect(safeReturnPath("/a/./b/../c")).toBe("/a/c");
  });
});
