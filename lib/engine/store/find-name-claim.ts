import type { Pool } from "@/lib/db/pool";

/** Who holds a name: in the region (any account) or for the owner (any region). */
export async function findNameClaim(
  pool: Pool,
  claim: { region: string; owner: string; name: string },
): Promise<{ userId: string; region: string } | undefined> {
  const { rows } = await pool.query<{ userId: string; region: string }>(
    `SELECT "userId", region FROM environment WHERE "regionClaim" = $1 OR "ownerClaim" = $2 LIMIT 1`,
    [`${claim.region}/${claim.name}`, `${claim.owner}/${claim.name}`],
  );
  return rows[0];
}
