import { createHash } from "node:crypto";
import type { Pool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import { addressNetwork } from "@/lib/http/client-address";

/**
 * Failed sign-ins slow down whoever makes them without letting anyone lock a real user out.
 *
 * - Two counters per attempt: the (client network, e-mail) pair, and the client network alone (IPv4 address
 *   or IPv6 /64). A pair gets `freeFailures` failures, the network `20 ×` that across all e-mails; after
 *   that each further failure makes the next attempt wait 1 s, 2 s, 4 s … up to `maxDelayMs`. An attacker
 *   slows down only their own pair and network; the account's owner, signing in from elsewhere, is never
 *   delayed, and nothing is ever locked.
 * - An attempt is counted as a failure *before* the password is checked, in one transaction holding both
 *   rows' locks, so parallel attempts cannot all slip through; a successful sign-in then forgives it (clears the pair, gives the
 *   network its failure back).
 * - Unknown and existing e-mails are treated identically: same counters, same answers.
 * - Storage is bounded: keys are hashes, rows are forgotten `forgetAfterMs` after their last failure, and
 *   beyond `maxRows` the oldest are evicted.
 */
export type ThrottlePolicy = {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  maxRows: number;
};

type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Row = { key: string; failures: number; lastFailureAt: Date; blockedUntil: Date | null };

/** Milliseconds to wait after the `failures`-th failure when `free` are allowed: 0, then the first delay doubling to the cap. */
export function delayAfterFailure(
  failures: number,
  free: number,
  policy: Pick<ThrottlePolicy, "firstDelayMs" | "maxDelayMs">,
): number {
  if (failures < free) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(failures - free, 30));
}

function throttleKeys(address: string, email: string): { pair: string; network: string } {
  const network = addressNetwork(address);
  const hash = (s: string) => createHash("sha256").update(s).digest("hex");
  return { pair: hash(`pair\0${network}\0${email}`), network: hash(`network\0${network}`) };
}

/** A network (an office, a carrier's NAT) holds many people: it gets this many times a pair's free failures. */
const networkFactor = 20;
let lastEviction = 0;

/** Counts one attempt for `address` and `email` before its password is checked; refuses it while a delay runs. */
export async function reserveSignInAttempt(
  pool: Pool,
  input: { address: string; email: string; now: Date; policy: ThrottlePolicy },
): Promise<ThrottleVerdict> {
  const { now, policy } = input;
  const keys = throttleKeys(input.address, input.email);
  const limits = [
    { key: keys.pair, free: policy.freeFailures },
    { key: keys.network, free: policy.freeFailures * networkFactor },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
  const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs);
  return withTransaction(pool, async (client): Promise<ThrottleVerdict> => {
    // Both rows exist and are locked, always in key order, before anything is decided: concurrent attempts
    // for the same pair or network queue here, so each sees the count the previous one left.
    await client.query(
      `INSERT INTO sign_in_throttle (key, failures, "lastFailureAt") SELECT k, 0, $2 FROM unnest($1::text[]) AS k ON CONFLICT (key) DO NOTHING`,
      [limits.map((l) => l.key), now],
    );
    const { rows } = await client.query<Row>(
      `SELECT key, failures, "lastFailureAt", "blockedUntil" FROM sign_in_throttle WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [limits.map((l) => l.key)],
    );
    const fresh = new Map(rows.filter((r) => r.lastFailureAt >= forgetBefore).map((r) => [r.key, r]));
    const blockedUntil = Math.max(0, ...[...fresh.values()].map((r) => r.blockedUntil?.getTime() ?? 0));
    if (blockedUntil > now.getTime()) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 1000)) };
    }
    for (const { key, free } of limits) {
      const failures = (fresh.get(key)?.failures ?? 0) + 1;
      const delay = delayAfterFailure(failures, free, policy);
      await client.query(
        `UPDATE sign_in_throttle SET failures = $2, "lastFailureAt" = $3, "blockedUntil" = $4 WHERE key = $1`,
        [key, failures, now, delay > 0 ? new Date(now.getTime() + delay) : null],
      );
    }
    await client.query(
      `DELETE FROM sign_in_throttle WHERE key IN (SELECT key FROM sign_in_throttle WHERE "lastFailureAt" < $1 LIMIT 100 FOR UPDATE SKIP LOCKED)`,
      [forgetBefore],
    );
    // Counting the table is not free; once a minute per process is enough to keep it near its cap.
    if (now.getTime() - lastEviction > 60_000) {
      lastEviction = now.getTime();
      await client.query(
        `DELETE FROM sign_in_throttle WHERE key IN (SELECT key FROM sign_in_throttle ORDER BY "lastFailureAt" DESC OFFSET $1 FOR UPDATE SKIP LOCKED)`,
        [policy.maxRows],
      );
    }
    return { allowed: true };
  });
}

/** A successful sign-in: the pair starts afresh and the network gets back the failure counted in advance. */
export async function forgiveSignInAttempt(
  pool: Pool,
  input: { address: string; email: string; policy: ThrottlePolicy },
): Promise<void> {
  const keys = throttleKeys(input.address, input.email);
  await withTransaction(pool, async (client) => {
    await client.query(`DELETE FROM sign_in_throttle WHERE key = $1`, [keys.pair]);
    await client.query(
      `UPDATE sign_in_throttle SET failures = GREATEST(0, failures - 1),
              "blockedUntil" = CASE WHEN failures - 1 < $2 THEN NULL ELSE "blockedUntil" END
        WHERE key = $1`,
      [keys.network, input.policy.freeFailures * networkFactor],
    );
  });
}

export function throttleMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 90
      ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}`
      : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed sign-ins from your network. Wait ${wait} before trying again.`;
}
