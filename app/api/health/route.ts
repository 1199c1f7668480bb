import { NextResponse } from "next/server";
import { database } from "@/lib/db/database";
import { pendingMigrations } from "@/lib/db/migrate";

export const dynamic = "force-dynamic";

/**
 * For load balancers: 200 when the database answers and every migration is applied, 503 otherwise, with the
 * reason. Public and cheap (two small queries); it reveals nothing about any account.
 */
export async function GET(): Promise<Response> {
  try {
    const pending = await Promise.race([
      (async () => {
        await database().query("SELECT 1");
        return pendingMigrations(database());
      })(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 3_000)),
    ]);
    if (pending.length > 0) {
      return NextResponse.json(
        { status: "unavailable", database: "reachable", migrations: `pending: ${pending.join(", ")}` },
        { status: 503 },
      );
    }
    return NextResponse.json({ status: "ok", database: "reachable", migrations: "current" });
  } catch {
    return NextResponse.json(
      { status: "unavailable", database: "unreachable" },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
}
