import type { Pool } from "@/lib/db/pool";
import { environmentColumns, type EnvironmentRecord } from "./environment-record";

/** An environment by its id, whoever owns it: for callers that authenticate otherwise (the cluster's own API token). */
export async function findEnvironmentById(pool: Pool, id: string): Promise<EnvironmentRecord | undefined> {
  const { rows } = await pool.query<EnvironmentRecord>(`SELECT ${environmentColumns} FROM environment WHERE id = $1`, [
    id,
  ]);
  return rows[0];
}
