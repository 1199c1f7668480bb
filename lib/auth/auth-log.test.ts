import { Writable } from "node:stream";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useAppDatabase } from "@/lib/db/testing/use-app-database";
import { createLogger } from "@/lib/logger";

/**
 * A sign-in whose callbackURL carries terminal escapes and a forged line, sent to better-auth as a browser would
 * (real database): better-auth refuses it and logs the URL in full — through the app's logger, whose line holds
 * no raw control character.
 */

useAppDatabase({ max: 5 });

afterAll(() => {
  vi.restoreAllMocks();
});

describe("better-auth's log lines", () => {
  it("write a refused callbackURL escaped, never raw", async () => {
    const lines: string[] = [];
    const written = createLogger(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
          done();
        },
      }),
    );
    const { logger } = await import("@/lib/logger");
    // The app's logger, its lines kept here instead of stdout.
    for (const level of ["error", "warn", "info", "debug"] as const) {
      vi.spyOn(logger, level).mockImplementation(((...args: Parameters<typeof logger.info>) =>
        written[level](...args)) as typeof logger.info);
    }
    const consoleError = vi.spyOn(console, "error");
    const { auth } = await import("./auth");
    const callbackURL = 'https://evil.example/\u001b[2J\r\n{"level":30,"msg":"admin signed in"}';
    const response = await auth().handler(
      new Request("http://clusterport.test/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "http://clusterport.test",
          "x-forwarded-for": "203.0.113.9",
        },
        body: JSON.stringify({ email: "someone@example.test", password: "correct-horse-1", callbackURL }),
      }),
    );
    expect(response.status).toBe(403);
    const refusal = lines.find((l) => l.includes("Invalid callbackURL"));
    expect(refusal).toBeDefined();
    expect(JSON.parse(refusal!)).toMatchObject({
      source: "better-auth",
      msg: 'Invalid callbackURL: https://evil.example/\\x1b[2J\\r\\n{"level":30,"msg":"admin signed in"}',
    });
    // Decoded, no line's text holds a control character (the "add it to trustedOrigins" hint quotes it too).
    const strings = (v: unknown): string[] =>
      typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];
    expect(lines.flatMap((l) => strings(JSON.parse(l))).filter((text) => /[\u0000-\u001f]/.test(text))).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
