import "server-only";
import type { PoolClient } from "@/lib/db/pool";

/** The count-limited things an account creates, each with its own lock (they never wait for one another). */
export type AccountCap = "api_token" | "webhook_endpoint";

/**
 * Takes the account's lock for `cap` until the transaction ends. Count and insert run after it, so of N
 * concurrent creations at most the cap's remainder succeed: without it each READ COMMITTED statement counts
 * rows the others have not committed yet, and all of them pass. An advisory lock, not the account's row, so a
 * sign-in or a plan change never waits for it; the key space (hashtextextended of a prefixed string) is the
 * one the engine uses for environments, with a prefix no environment id has.
 */
export async function lockAccountCap(client: PoolClient, userId: string, cap: AccountCap): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`cap:${cap}:${userId}`]);
}
