import { describe, expect, it } from "vitest";
import { multilineRule, multilineText, singleLineRule, singleLineText } from "./text-rules";

const name = singleLineText({ label: "your name", min: 1, max: 80 });
const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? "ok" : r.error!.issues[0]!.message;

describe("singleLineText", () => {
  it("accepts names in any script, with emoji", () => {
    for (const v of ["Ada Lovelace", "Zoë Ångström", "محمد", "张伟", "Ola 👋", "O'Brien-Smith"]) {
      expect(messageOf(name.safeParse(v))).toBe("ok");
    }
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["escape", "a\u001b[31mred"],
    ["newline", "first\nsecond"],
    ["tab", "a\tb"],
    ["C1 control", "a\u0085b"],
    ["lone high surrogate", "a\ud800b"],
    ["lone low surrogate", "a\udc00"],
    ["right-to-left override", "admin\u202Etxt.exe"],
    ["isolate", "a\u2066b\u2069"],
    ["line separator", "a\u2028b"],
    ["byte-order mark", "na\ufeffme"],
  ])("refuses %s with the rule named", (_what, value) => {
    expect(messageOf(name.safeParse(value))).toBe(singleLineRule);
  });

  it("needs 1–80 visible characters after trimming", () => {
    expect(messageOf(name.safeParse("   "))).toBe("Enter your name.");
    expect(messageOf(name.safeParse("\u200b"))).toBe("Enter your name with at least one visible character.");
    expect(messageOf(name.safeParse("x".repeat(81)))).toBe("Use at most 80 characters.");
    expect(name.parse("  Ada  ")).toBe("Ada");
  });

  it("refuses what is not a string", () => {
    expect(messageOf(name.safeParse(42))).toBe("Enter your name.");
    expect(messageOf(name.safeParse({ toString: "x" }))).toBe("Enter your name.");
  });
});

describe("multilineText", () => {
  const text = multilineText();
  it("keeps tabs and line breaks", () => {
    expect(messageOf(text.safeParse("a:\n\tb: 1\r\n"))).toBe("ok");
  });
  it.each([
    ["NUL", "a\u0000"],
    ["escape", "\u001b"],
    ["lone surrogate", "\ud834"],
    ["override", "x\u202Ey"],
  ])("refuses %s", (_w, v) => {
    expect(messageOf(text.safeParse(v))).toBe(multilineRule);
  });
});
