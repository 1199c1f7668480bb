import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createPool, type Pool } from "./pool";

const holder = globalThis as unknown as { __pool?: Pool };

/** This process's connection pool to DATABASE_URL (created on first use; closed by closeDatabase on shutdown). */
export function database(): Pool {
  holder.__pool ??= createPool(env().databaseUrl, {
    max: env().databasePoolMax,
    onError: (e) => logger.warn({ err: e }, "database connection lost; it will be re-established on next use"),
  });
  return holder.__pool;
}

export async function closeDatabase(): Promise<void> {
  const pool = holder.__pool;
  holder.__pool = undefined;
  await pool?.end();
}
