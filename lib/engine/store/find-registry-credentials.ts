import type { Pool } from "@/lib/db/pool";
import { pullSecretSource } from "../sim";

/** The registry credentials the cluster has (its pull secret's source, no password), or null. */
export async function findRegistryCredentials(
  pool: Pool,
  environmentId: string,
): Promise<{ registry: string; username: string; email: string } | null> {
  const { rows } = await pool.query<{ registry: string; username: string; email: string }>(
    `SELECT spec->>'registry' AS registry, spec->>'username' AS username, COALESCE(spec->>'email', '') AS email
       FROM sim_object WHERE "environmentId" = $1 AND kind = $2 AND namespace = $3 AND name = $4`,
    [environmentId, pullSecretSource.kind, pullSecretSource.namespace, pullSecretSource.name],
  );
  return rows[0] ?? null;
}
