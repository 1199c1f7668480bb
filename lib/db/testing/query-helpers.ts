import type { Pool } from "../pool";

/** Small readers for tests: the first row of a query, and a COUNT(*) AS n. */
export function queryHelpers(pool: () => Pool) {
  return {
    one: async <T>(sql: string, ...params: unknown[]): Promise<T> => (await pool().query(sql, params)).rows[0] as T,
    all: async <T>(sql: string, ...params: unknown[]): Promise<T[]> => (await pool().query(sql, params)).rows as T[],
    count: async (sql: string, ...params: unknown[]): Promise<number> =>
      Number((await pool().query<{ n: string | number }>(sql, params)).rows[0]!.n),
  };
}
