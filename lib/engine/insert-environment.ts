import type Database from "better-sqlite3";
import type { EnvironmentPlan } from "@/lib/plan";
import { sqliteTime } from "@/lib/sqlite";
import type { InstallSettings } from "@/lib/validations/install-settings";
import type { Faults } from "./faults";
import { statement } from "./statement";

/**
 * Inserts a queued environment holding its name (region and owner claims). Runs inside the caller's
 * transaction, next to its install operation; a taken name fails on the unique claims.
 */
export function insertEnvironment(
  conn: Database.Database,
  e: { id: string; userId: string; settings: InstallSettings; plan: EnvironmentPlan; requestId: string; faults: Faults; now: Date },
): void {
  const at = sqliteTime(e.now);
  statement(
    conn,
    `INSERT INTO environment (id, userId, name, region, domain, displayName, status, settings, plan, requestId,
       regionClaim, ownerClaim, faults, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.userId,
    e.settings.name,
    e.settings.region,
    e.plan.domain,
    e.settings.displayName,
    JSON.stringify(e.settings),
    JSON.stringify(e.plan),
    e.requestId,
    `${e.settings.region}/${e.settings.name}`,
    `${e.userId}/${e.settings.name}`,
    JSON.stringify(e.faults),
    at,
    at,
  );
}
