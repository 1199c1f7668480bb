import { describe, expect, it } from "vitest";
import { warningHeaders } from "./warning-headers";

describe("warningHeaders", () => {
  it("quotes each warning with everything outside printable ASCII escaped, so a header can always hold it", () => {
    const [header] = warningHeaders(['unknown field "naïve\ufffd\r\nSet-Cookie: x"']);
    expect(header).toBe('299 - "unknown field \\"na\\u00efve\\ufffd\\r\\nSet-Cookie: x\\""');
    expect(() => new Headers({ warning: header! })).not.toThrow();
  });

  it("bounds them as the API server does: past 4 KiB each is cut to 256 characters, and the rest dropped", () => {
    expect(warningHeaders(["a".repeat(1000), "b".repeat(1000)])).toHaveLength(2);
    const many = warningHeaders(Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(300, "x")));
    expect(many).toHaveLength(16);
    expect(many.every((h) => h.length <= 256 + 16)).toBe(true);
    expect(many.join("").length).toBeLessThan(5 * 1024);
  });
});
