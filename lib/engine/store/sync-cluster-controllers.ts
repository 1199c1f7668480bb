import type { Pool } from "@/lib/db/pool";
import { clusterQuotaFor, type EnvironmentPlan } from "@/lib/plan";
import { changeClusterObjects, ClusterNotChangeable } from "./change-cluster-objects";

/**
 * The controllers' catch-up pass: clusters whose ReplicaSet controller left pods to make (its per-pass burst, not
 * a quota, held them back: status.backlog) are reconciled once more, each in its own transaction under the
 * environment's lock, so every pass makes at most another burst. Returns the clusters it reconciled.
 */
export async function syncClusterControllers(pool: Pool, now = new Date()): Promise<string[]> {
  const { rows } = await pool.query<{ id: string; plan: EnvironmentPlan }>(
    `SELECT e.id, e.plan FROM environment e
      WHERE e.status IN ('installing', 'running', 'updating', 'failed')
        AND EXISTS (SELECT 1 FROM sim_object o WHERE o."environmentId" = e.id AND o.kind IN ('Deployment', 'StatefulSet')
                      AND COALESCE((o.status->>'backlog')::bigint, 0) > 0)`,
  );
  const synced: string[] = [];
  for (const { id, plan } of rows) {
    try {
      await changeClusterObjects(pool, id, () => () => undefined, {
        now,
        quota: clusterQuotaFor(plan),
        reconcileAll: true,
      });
      synced.push(id);
    } catch (e) {
      // A teardown began meanwhile: nothing left to catch up.
      if (!(e instanceof ClusterNotChangeable)) throw e;
    }
  }
  return synced;
}
