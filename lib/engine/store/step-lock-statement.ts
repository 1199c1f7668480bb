import { sqlLiteral } from "@/lib/db/transaction";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";

/** The row the step lock statement returns. */
export type StepLockRow = {
  steps: { id: string; status: string; leaseOwner: string | null; attempts: number }[] | null;
  operationStatus: string | null;
  env: {
    id: string;
    name: string;
    domain: string;
    region: string;
    faults: unknown;
    updatedAt: string;
    simVersion: number;
    settings: InstallSettings | null;
    plan: EnvironmentPlan | null;
  };
  /** The environment's secrets, read with every step (they are not cached: a change request writes them). */
  secrets: { name: string; ciphertext: string }[];
};

/**
 * The first statement of a step's recording transaction, sent with BEGIN in one round trip (so its values are
 * written into the text). It takes the step's locks in the store's order — the step and its dependents, the
 * operation, then the environment's advisory lock, which serializes the environment's steps while leaving its
 * row free for claims and requests — and reads the environment's facts `FOR KEY SHARE`: a locking read returns
 * the row's newest version even when this statement waited for a lock, whereas anything read without a lock
 * would be as old as the statement (the secrets are read so: those a step needs were committed before it was
 * claimed — by the request that made its operation or by a step it depends on). Settings and plan are left out when the caller holds the version
 * `settingsHeldAt` (the environment's updatedAt) and it is still current.
 */
export function stepLockStatement(
  claimed: { id: string; operationId: string; environmentId: string; dependents: readonly string[] },
  settingsHeldAt: Date | null,
): string {
  const fresh = settingsHeldAt ? `"updatedAt" = ${sqlLiteral(settingsHeldAt.toISOString())}::timestamptz` : "false";
  return `WITH s AS (SELECT id, status, "leaseOwner", attempts FROM step
                     WHERE "operationId" = ${sqlLiteral(claimed.operationId)} AND (id = ${sqlLiteral(claimed.id)} OR key = ANY(${sqlLiteral(claimed.dependents)}))
                     ORDER BY id FOR UPDATE),
          o AS (SELECT status FROM operation WHERE id = ${sqlLiteral(claimed.operationId)} FOR UPDATE),
          a AS (SELECT pg_advisory_xact_lock(hashtextextended(${sqlLiteral(claimed.environmentId)}, 0))),
          e AS (SELECT id, name, domain, region, faults, "updatedAt", "simVersion",
                       CASE WHEN ${fresh} THEN NULL ELSE settings END AS settings,
                       CASE WHEN ${fresh} THEN NULL ELSE plan END AS plan
                  FROM environment WHERE id = ${sqlLiteral(claimed.environmentId)} FOR KEY SHARE)
     SELECT (SELECT json_agg(s) FROM s) AS steps, (SELECT status FROM o) AS "operationStatus", (SELECT COUNT(*) FROM a) AS locked,
            (SELECT row_to_json(e) FROM e) AS env,
            (SELECT COALESCE(json_agg(json_build_object('name', name, 'ciphertext', ciphertext)), '[]')
               FROM environment_secret WHERE "environmentId" = ${sqlLiteral(claimed.environmentId)}) AS secrets`;
}
