import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/create-test-database";
import {
  delayAfterFailure,
  forgiveSignInAttempt,
  reserveSignInAttempt,
  throttleMessage,
  type ThrottlePolicy,
} from "./sign-in-throttle";

const policy: ThrottlePolicy = {
  freeFailures: 5,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
  maxRows: 1000,
};
const t0 = new Date("2026-11-25T12:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase({ max: 20 });
});
afterEach(() => db.cleanup());

const attempt = (address: string, email: string, now = t0) =>
  reserveSignInAttempt(db.pool, { address, email, now, policy });
const rows = async () =>
  Number((await db.pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM sign_in_throttle")).rows[0]!.n);
/** Attempts one after another (the order matters for the delays). */
const inTurn = async (n: number, make: (i: number) => Promise<{ allowed: boolean }>) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await make(i));
  return out;
};

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
  it("counts before the password is checked: of 40 attempts at once only the free ones get through", async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, () => attempt("203.0.113.7", "demo@clusterport.dev")),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.filter((v) => !v.allowed)).toContainEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("delays rather than locks: each wait grows, and waiting it out allows one more attempt", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("203.0.113.7", "a@example.test")).allowed).toBe(true);
    expect(await attempt("203.0.113.7", "a@example.test", at(999))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await attempt("203.0.113.7", "a@example.test", at(1000))).allowed).toBe(true);
    expect(await attempt("203.0.113.7", "a@example.test", at(2000))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect((await attempt("203.0.113.7", "a@example.test", at(3000))).allowed).toBe(true);
    expect(await attempt("203.0.113.7", "a@example.test", at(3001))).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });

  it("never delays the account's owner on another network", async () => {
    await inTurn(20, (i) => attempt("198.51.100.66", "demo@clusterport.dev", at(i)));
    expect((await attempt("198.51.100.66", "demo@clusterport.dev", at(20))).allowed).toBe(false);
    expect((await attempt("203.0.113.7", "demo@clusterport.dev", at(20))).allowed).toBe(true);
  });

  it("treats one IPv6 /64 as one network", async () => {
    await inTurn(5, (i) => attempt(`2001:db8:1:2::${i + 1}`, "a@example.test"));
    expect((await attempt("2001:db8:1:2:ffff::1", "a@example.test")).allowed).toBe(false);
    expect((await attempt("2001:db8:1:3::1", "a@example.test")).allowed).toBe(true);
  });

  it("slows a network that sprays many accounts", async () => {
    const verdicts = await inTurn(101, (i) => attempt("203.0.113.7", `user${i}@example.test`));
    expect(verdicts.slice(0, 100).every((v) => v.allowed)).toBe(true);
    expect(verdicts[100]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("answers unknown and existing e-mails alike, and stores neither e-mail nor address", async () => {
    expect(await attempt("203.0.113.7", "nobody@example.test")).toEqual(
      await attempt("203.0.113.7", "demo@clusterport.dev"),
    );
    const keys = (await db.pool.query<{ key: string }>("SELECT key FROM sign_in_throttle")).rows.map((r) => r.key);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
  });

  it("forgets a day after the last failure and stays within its row cap", async () => {
    await inTurn(5, () => attempt("203.0.113.7", "a@example.test"));
    expect((await attempt("203.0.113.7", "a@example.test", at(24 * 3_600_000 + 1))).allowed).toBe(true);
    const small = { ...policy, maxRows: 50 };
    await inTurn(200, (i) =>
      reserveSignInAttempt(db.pool, {
        address: `198.51.100.${i % 250}`,
        email: `x${i}@example.test`,
        now: at(2 * 86_400_000 + i * 61_000),
        policy: small,
      }),
    );
    expect(await rows()).toBeLessThanOrEqual(52);
  });
});

describe("forgiveSignInAttempt", () => {
  it("clears the pair after a success and returns the network's failure", async () => {
    await inTurn(4, () => attempt("203.0.113.7", "a@example.test"));
    await forgiveSignInAttempt(db.pool, { address: "203.0.113.7", email: "a@example.test", policy });
    for (let i = 0; i < 5; i++) expect((await attempt("203.0.113.7", "a@example.test")).allowed).toBe(true);
  });
});

describe("throttleMessage", () => {
  it("says how long to wait, in words", () => {
    expect(throttleMessage(1)).toBe("Too many failed sign-ins from your network. Wait 1 second before trying again.");
    expect(throttleMessage(30)).toBe(
      "Too many failed sign-ins from your network. Wait 30 seconds before trying again.",
    );
    expect(throttleMessage(900)).toBe(
      "Too many failed sign-ins from your network. Wait 15 minutes before trying again.",
    );
  });
});
