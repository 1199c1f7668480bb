import pg, { type QueryResult } from "pg";
import type { Pool, PoolClient } from "./pool";

/** PostgreSQL errors after which the whole transaction may simply run again. */
const retryable = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected

/**
 * Runs `fn` in one transaction on a pooled connection: COMMIT when it returns, ROLLBACK when it throws.
 * A transaction PostgreSQL aborted for a serialization failure or a deadlock runs again (up to 5 times,
 * after a short random pause), so callers only ever see their own errors. `opening` is a first statement
 * sent together with BEGIN (saving a round trip); it must not take parameters — see sqlLiteral.
 */
export async function withTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient, opening: QueryResult | undefined) => Promise<T>,
  opts: { opening?: string } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      // `opening`, a statement without parameters, goes out with BEGIN in one round trip (simple protocol).
      const begun = await client.query(opts.opening ? `BEGIN; ${opts.opening}` : "BEGIN");
      const opening = opts.opening ? (begun as unknown as QueryResult[])[1] : undefined;
      const result = await fn(client, opening);
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

/**
 * A value written into SQL text, for the few statements sent without parameters (withTransaction's opening):
 * strings quoted by pg's own escapeLiteral, arrays of strings as text[] literals.
 */
export function sqlLiteral(value: string | readonly string[]): string {
  if (typeof value !== "string")
    return value.length === 0 ? "'{}'::text[]" : `ARRAY[${value.map((v) => pg.escapeLiteral(v)).join(", ")}]::text[]`;
  return pg.escapeLiteral(value);
}
