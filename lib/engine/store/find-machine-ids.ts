import type { Pool } from "@/lib/db/pool";

/** Every node id the environment's machines ever had, removed ones included (new node ids continue past them). */
export async function findMachineIds(pool: Pool, environmentId: string): Promise<string[]> {
  const { rows } = await pool.query<{ nodeId: string }>(
    `SELECT "nodeId" FROM sim_machine WHERE "environmentId" = $1 ORDER BY "nodeId"`,
    [environmentId],
  );
  return rows.map((r) => r.nodeId);
}
