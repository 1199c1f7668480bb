import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "./env";

/**
 * The Prisma client, one per process. Never open an interactive `$transaction` on it: the better-sqlite3
 * adapter runs other queries of the same connection inside an open transaction. Atomic multi-statement
 * writes use `sqlite()` (lib/sqlite.ts) with a synchronous transaction instead.
 */
const holder = globalThis as unknown as { __prisma?: PrismaClient };

export function db(): PrismaClient {
  holder.__prisma ??= new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: env().databaseUrl, timeout: 5000 }),
  });
  return holder.__prisma;
}
