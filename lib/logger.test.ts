import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "./logger";

/** A logger whose lines are kept, as written, for the test to read. */
function capture() {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger(stream);
  return { logger, raw, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

// What an attacker sends to forge a line or drive the terminal of whoever reads the log.
const hostile =
  'https://evil.example/\u001b[31mred\u001b[0m\r\n{"level":30,"msg":"admin signed in"}\u009b2J\u202eoof\u2028end';
const escaped =
  'https://evil.example/\\x1b[31mred\\x1b[0m\\r\\n{"level":30,"msg":"admin signed in"}\\x9b2J\\u202eoof\\u2028end';
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Every key and string value in a decoded line, at any depth. */
const strings = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : value && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)])
      : [];

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  delete (globalThis as { __auth?: unknown }).__auth;
});

describe("logger", () => {
  it("writes user text with its control characters escaped, in the message, its arguments, every field and child bindings", () => {
    const { logger, raw, lines } = capture();
    logger.warn({ callbackURL: hostile, nested: { list: [hostile], [hostile]: 1 } }, `rejected ${hostile}`);
    logger.info("from %s", hostile);
    logger.child({ path: hostile }).info("child");
    expect(raw).toHaveLength(3);
    const [first, second, third] = lines();
    expect(first).toMatchObject({
      callbackURL: escaped,
      msg: `rejected ${escaped}`,
      nested: { list: [escaped], [escaped]: 1 },
    });
    expect(second!.msg).toBe(`from ${escaped}`);
    expect(third).toMatchObject({ path: escaped, msg: "child" });
    // Decoded, no key or value holds a control character: printing one cannot start a line or colour a terminal.
    expect(
      lines()
        .flatMap(strings)
        .filter((text) => controls.test(text)),
    ).toEqual([]);
  });

  it("escapes errors' messages and stacks, logged alone or as a field, and keeps their type and code", () => {
    const { logger, lines } = capture();
    const error = Object.assign(new TypeError(`bad URL ${hostile}`, { cause: new Error(`cause ${hostile}`) }), {
      code: "E_BAD",
    });
    logger.error(error);
    logger.error({ err: error, url: hostile }, "unhandled API error");
    const [alone, field] = lines();
    expect(alone).toMatchObject({
      msg: `bad URL ${escaped}`,
      err: { type: "TypeError", code: "E_BAD", message: expect.stringContaining(`cause ${escaped}`) },
    });
    expect(field).toMatchObject({
      msg: "unhandled API error",
      url: escaped,
      err: { type: "TypeError", code: "E_BAD" },
    });
    expect((alone!.err as { stack: string }).stack).toMatch(
      /^TypeError: bad URL https:\/\/evil\.example\/\\x1b\[31m.*\\n {4}at /,
    );
    expect([alone, field].flatMap(strings).filter((text) => controls.test(text))).toEqual([]);
  });

  it("still redacts secrets", () => {
    const { logger, raw } = capture();
    logger.info({ password: "hunter2", request: { token: "cp_secret", authorization: "Bearer cp_secret" } }, "sign-in");
    expect(raw[0]).not.toContain("hunter2");
    expect(raw[0]).not.toContain("cp_secret");
    expect(JSON.parse(raw[0]!)).toMatchObject({
      password: "[redacted]",
      request: { token: "[redacted]", authorization: "[redacted]" },
    });
  });

  it("receives better-auth's own log lines (its refused callbackURL among them) instead of the console", async () => {
    vi.stubEnv("APP_URL", "http://localhost:3000");
    vi.stubEnv("AUTH_SECRET", "s".repeat(40));
    vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 1).toString("base64"));
    vi.stubEnv("DATABASE_URL", "postgres://clusterport@127.0.0.1:1/unused");
    const { logger } = await import("./logger");
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { auth } = await import("./auth/auth");
    (await auth().$context).logger.error(`Invalid callbackURL: ${hostile}`);
    expect(logged).toHaveBeenCalledWith({ source: "better-auth", details: [] }, `Invalid callbackURL: ${hostile}`);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
