import type { Pool } from "@/lib/db/pool";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";

export type AutoscaledEnvironment = {
  id: string;
  name: string;
  userId: string;
  /** The owner's account plan id (its quotas bound every scale-out). */
  accountPlan: string;
  settings: InstallSettings;
  plan: EnvironmentPlan;
};

/** Running environments with worker autoscaling on: what the autoscaler looks at on each pass. */
export async function findAutoscaledEnvironments(pool: Pool): Promise<AutoscaledEnvironment[]> {
  const { rows } = await pool.query<AutoscaledEnvironment>(
    `SELECT e.id, e.name, e."userId", u.plan AS "accountPlan", e.settings, e.plan
       FROM environment e JOIN "user" u ON u.id = e."userId"
      WHERE e.status = 'running' AND e.settings ? 'autoscaling'
      ORDER BY e.id`,
  );
  return rows;
}
