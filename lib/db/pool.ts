import pg from "pg";

// BIGINT columns (per-environment sequence numbers) stay far below 2^53: read them as numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/**
 * A connection pool for `url`. Each process has one (see lib/db/database.ts); tests make one per database.
 * `statement_timeout` keeps a runaway query from holding a connection forever; connection errors on idle
 * clients are reported, not thrown (pg would otherwise crash the process when the server restarts).
 */
export function createPool(
  url: string,
  opts: { max?: number; applicationName?: string; onError?: (e: Error) => void } = {},
): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 20,
    application_name: opts.applicationName ?? "clusterport",
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
  });
  pool.on("error", (e) => opts.onError?.(e));
  return pool;
}
