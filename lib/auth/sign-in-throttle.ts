import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { addressNetwork } from "@/lib/http/client-address";
import { sqliteTime } from "@/lib/sqlite";

/**
 * Failed sign-ins slow down whoever makes them without letting anyone lock a real user out.
 *
 * - Two counters per attempt: the (client network, e-mail) pair, and the client network alone (IPv4 address
 *   or IPv6 /64). A pair gets `freeFailures` failures, the network `20 ×` that across all e-mails; after
 *   that each further failure makes the next attempt wait 1 s, 2 s, 4 s … up to `maxDelayMs`. An attacker
 *   slows down only their own pair and network; the account's owner, signing in from elsewhere, is never
 *   delayed, and nothing is ever locked.
 * - An attempt is counted as a failure *before* the password is checked, in one transaction, so parallel
 *   attempts cannot all slip through; a successful sign-in then forgives it (clears the pair, gives the
 *   network its failure back).
 * - Unknown and existing e-mails are treated identically: same counters, same answers.
 * - Storage is bounded: keys are hashes, rows are forgotten `forgetAfterMs` after their last failure, and
 *   beyond `maxRows` the oldest are evicted.
 */
export type ThrottlePolicy = { freeFailures: number; firstDelayMs: number; maxDelayMs: number; forgetAfterMs: number; maxRows: number };

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Row = { key: string; failures: number; lastFailureAt: string; blockedUntil: string | null };

/** Milliseconds to wait after the `failures`-th failure when `free` are allowed: 0, then the first delay doubling to the cap. */
export function delayAfterFailure(failures: number, free: number, policy: Pick<ThrottlePolicy, "firstDelayMs" | "maxDelayMs">): number {
  if (failures < free) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(failures - free, 30));
}

export function throttleKeys(address: string, email: string): { pair: string; network: string } {
  const network = addressNetwork(address);
  const hash = (s: string) => createHash("sha256").update(s).digest("hex");
  return { pair: hash(`pair\0${network}\0${email}`), network: hash(`network\0${network}`) };
}

/** A network (an office, a carrier's NAT) holds many people: it gets this many times a pair's free failures. */
const networkFactor = 20;
let lastEviction = 0;

/** Counts one attempt for `address` and `email` before its password is checked; refuses it while a delay runs. */
export function reserveSignInAttempt(
  conn: Database.Database,
  input: { address: string; email: string; now: Date; policy: ThrottlePolicy },
): ThrottleVerdict {
  const { now, policy } = input;
  const keys = throttleKeys(input.address, input.email);
  const limits = [
    { key: keys.pair, free: policy.freeFailures },
    { key: keys.network, free: policy.freeFailures * networkFactor },
  ];
  const forgetBefore = sqliteTime(new Date(now.getTime() - policy.forgetAfterMs));
  return conn
    .transaction((): ThrottleVerdict => {
      const rows = new Map(
        (conn.prepare("SELECT key, failures, lastFailureAt, blockedUntil FROM sign_in_throttle WHERE key IN (?, ?)").all(keys.pair, keys.network) as Row[])
          .filter((r) => r.lastFailureAt >= forgetBefore)
          .map((r) => [r.key, r]),
      );
      const blockedUntil = Math.max(0, ...[...rows.values()].map((r) => (r.blockedUntil ? Date.parse(r.blockedUntil) : 0)));
      if (blockedUntil > now.getTime()) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 1000)) };
      }
      const upsert = conn.prepare(
        `INSERT INTO sign_in_throttle (key, failures, lastFailureAt, blockedUntil) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, lastFailureAt = excluded.lastFailureAt, blockedUntil = excluded.blockedUntil`,
      );
      for (const { key, free } of limits) {
        const failures = (rows.get(key)?.failures ?? 0) + 1;
        const delay = delayAfterFailure(failures, free, policy);
        upsert.run(key, failures, sqliteTime(now), delay > 0 ? sqliteTime(new Date(now.getTime() + delay)) : null);
      }
      conn.prepare("DELETE FROM sign_in_throttle WHERE key IN (SELECT key FROM sign_in_throttle WHERE lastFailureAt < ? LIMIT 100)").run(forgetBefore);
      // Counting the table is not free; once a minute per process is enough to keep it near its cap.
      if (now.getTime() - lastEviction > 60_000) {
        lastEviction = now.getTime();
        conn
          .prepare("DELETE FROM sign_in_throttle WHERE key IN (SELECT key FROM sign_in_throttle ORDER BY lastFailureAt DESC LIMIT -1 OFFSET ?)")
          .run(policy.maxRows);
      }
      return { allowed: true };
    })
    .immediate();
}

/** A successful sign-in: the pair starts afresh and the network gets back the failure counted in advance. */
export function forgiveSignInAttempt(conn: Database.Database, input: { address: string; email: string; policy: ThrottlePolicy }): void {
  const keys = throttleKeys(input.address, input.email);
  conn
    .transaction(() => {
      conn.prepare("DELETE FROM sign_in_throttle WHERE key = ?").run(keys.pair);
      conn
        .prepare(
          "UPDATE sign_in_throttle SET failures = MAX(0, failures - 1), blockedUntil = CASE WHEN failures - 1 < ? THEN NULL ELSE blockedUntil END WHERE key = ?",
        )
        .run(input.policy.freeFailures * networkFactor, keys.network);
    })
    .immediate();
}

export function throttleMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 90 ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed sign-ins from your network. Wait ${wait} before trying again.`;
}
