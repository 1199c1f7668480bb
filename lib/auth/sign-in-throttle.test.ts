import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/engine/testing/test-database";
import { delayAfterFailure, forgiveSignInAttempt, reserveSignInAttempt, throttleMessage, type ThrottlePolicy } from "./sign-in-throttle";

const policy: ThrottlePolicy = { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3_600_000, maxRows: 1000 };
const t0 = new Date("2026-11-25T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

let db: ReturnType<typeof createTestDatabase>;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(() => db.cleanup());

const attempt = (address: string, email: string, now = t0) => reserveSignInAttempt(db.conn, { address, email, now, policy });
const rows = () => (db.conn.prepare("SELECT COUNT(*) AS n FROM sign_in_throttle").get() as { n: number }).n;

describe("delayAfterFailure", () => {
  it("is free up to the limit, then doubles from one second to the cap", () => {
    expect([1, 4].map((f) => delayAfterFailure(f, 5, policy))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((f) => delayAfterFailure(f, 5, policy))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfterFailure(40, 5, policy)).toBe(900_000);
    expect(delayAfterFailure(10_000, 5, policy)).toBe(900_000);
    expect(delayAfterFailure(5, 5, { firstDelayMs: 30_000, maxDelayMs: 60_000 })).toBe(30_000);
  });
});

describe("reserveSignInAttempt", () => {
  it("counts before the password is checked: of 40 attempts at once only the free ones get through", () => {
    const verdicts = Array.from({ length: 40 }, () => attempt("203.0.113.7", "demo@clusterport.dev"));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts[5]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("delays rather than locks: each wait grows, and waiting it out allows one more attempt", () => {
    for (let i = 0; i < 5; i++) expect(attempt("203.0.113.7", "a@example.test").allowed).toBe(true);
    expect(attempt("203.0.113.7", "a@example.test", at(999))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(attempt("203.0.113.7", "a@example.test", at(1000)).allowed).toBe(true);
    expect(attempt("203.0.113.7", "a@example.test", at(2000))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(attempt("203.0.113.7", "a@example.test", at(3000)).allowed).toBe(true);
    expect(attempt("203.0.113.7", "a@example.test", at(3001))).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });

  it("never delays the account's owner on another network", () => {
    for (let i = 0; i < 20; i++) attempt("198.51.100.66", "demo@clusterport.dev", at(i));
    expect(attempt("198.51.100.66", "demo@clusterport.dev", at(20)).allowed).toBe(false);
    expect(attempt("203.0.113.7", "demo@clusterport.dev", at(20)).allowed).toBe(true);
  });

  it("treats one IPv6 /64 as one network", () => {
    for (let i = 1; i <= 5; i++) attempt(`2001:db8:1:2::${i}`, "a@example.test");
    expect(attempt("2001:db8:1:2:ffff::1", "a@example.test").allowed).toBe(false);
    expect(attempt("2001:db8:1:3::1", "a@example.test").allowed).toBe(true);
  });

  it("slows a network that sprays many accounts", () => {
    const verdicts = Array.from({ length: 101 }, (_, i) => attempt("203.0.113.7", `user${i}@example.test`));
    expect(verdicts.slice(0, 100).every((v) => v.allowed)).toBe(true);
    expect(verdicts[100]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("answers unknown and existing e-mails alike, and stores neither e-mail nor address", () => {
    expect(attempt("203.0.113.7", "nobody@example.test")).toEqual(attempt("203.0.113.7", "demo@clusterport.dev"));
    const keys = (db.conn.prepare("SELECT key FROM sign_in_throttle").all() as { key: string }[]).map((r) => r.key);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
  });

  it("forgets a day after the last failure and stays within its row cap", () => {
    for (let i = 0; i < 5; i++) attempt("203.0.113.7", "a@example.test");
    expect(attempt("203.0.113.7", "a@example.test", at(24 * 3_600_000 + 1)).allowed).toBe(true);
    const small = { ...policy, maxRows: 50 };
    for (let i = 0; i < 200; i++) {
      reserveSignInAttempt(db.conn, { address: `198.51.100.${i % 250}`, email: `x${i}@example.test`, now: at(2 * 86_400_000 + i * 61_000), policy: small });
    }
    expect(rows()).toBeLessThanOrEqual(52);
  });
});

describe("forgiveSignInAttempt", () => {
  it("clears the pair after a success and returns the network's failure", () => {
    for (let i = 0; i < 4; i++) attempt("203.0.113.7", "a@example.test");
    forgiveSignInAttempt(db.conn, { address: "203.0.113.7", email: "a@example.test", policy });
    for (let i = 0; i < 5; i++) expect(attempt("203.0.113.7", "a@example.test").allowed).toBe(true);
  });
});

describe("throttleMessage", () => {
  it("says how long to wait, in words", () => {
    expect(throttleMessage(1)).toBe("Too many failed sign-ins from your network. Wait 1 second before trying again.");
    expect(throttleMessage(30)).toBe("Too many failed sign-ins from your network. Wait 30 seconds before trying again.");
    expect(throttleMessage(900)).toBe("Too many failed sign-ins from your network. Wait 15 minutes before trying again.");
  });
});
