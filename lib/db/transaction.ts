import type { Pool, PoolClient } from "./pool";

/** PostgreSQL errors after which the whole transaction may simply run again. */
const retryable = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected

/**
 * Runs `fn` in one transaction on a pooled connection: COMMIT when it returns, ROLLBACK when it throws.
 * A transaction PostgreSQL aborted for a serialization failure or a deadlock runs again (up to 5 times,
 * after a short random pause), so callers only ever see their own errors.
 */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      try {
        await client.query("ROLLBACK");
      } catch (rollbackError) {
        // The connection itself failed: do not give it back to the pool.
        broken = rollbackError as Error;
      }
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string" && retryable.has(code) && attempt < 5) {
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
        continue;
      }
      throw e;
    } finally {
      client.release(broken);
    }
  }
}
