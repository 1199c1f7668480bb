import type { Pool } from "@/lib/db/pool";
import { activeEnvironmentStatuses } from "@/lib/environments/environment-status";
import type { EnvironmentPlan } from "@/lib/plan";

/** The plans of the account's environments that hold quota (not cancelled or deleted); `except` leaves one out. */
export async function findActiveEnvironmentPlans(
  pool: Pool,
  userId: string,
  except?: string,
): Promise<EnvironmentPlan[]> {
  const { rows } = await pool.query<{ plan: EnvironmentPlan }>(
    `SELECT plan FROM environment WHERE "userId" = $1 AND status = ANY($2::text[]) AND id IS DISTINCT FROM $3`,
    [userId, activeEnvironmentStatuses, except ?? null],
  );
  return rows.map((r) => r.plan);
}
