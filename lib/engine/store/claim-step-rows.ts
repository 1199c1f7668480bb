import type { EngineTx } from "./engine-transaction";

export type ClaimedStepRow = {
  id: string;
  operationId: string;
  operationType: string;
  operationStatus: string;
  environmentId: string;
  key: string;
  name: string;
  title: string;
  node: string | null;
  attempts: number;
  maxAttempts: number;
  estimatedMs: number;
  dependents: string[];
  previousStatus: string;
};

/** Which steps a claim looks for: ready ones (pending, or retrying past their backoff), or abandoned ones. */
export type ClaimKind = "ready" | "abandoned";

// Each kind has its own partial index; the ORDER BY matches it.
const kinds: Record<ClaimKind, { where: string; order: string }> = {
  ready: {
    where: `s.status IN ('pending', 'retrying') AND s."pendingDeps" = 0 AND s."availableAt" <= $1`,
    order: `s."availableAt"`,
  },
  abandoned: { where: `s.status = 'running' AND s."leaseExpiresAt" < $1`, order: `s."leaseExpiresAt"` },
};

/**
 * Takes up to `limit` steps of a kind, whose operation is queued or running, with FOR UPDATE SKIP LOCKED, and
 * moves them to running under `owner`'s lease in the same statement (a set-based move: its caller asserts it
 * against the step table).
 */
export async function claimStepRows(
  tx: EngineTx,
  input: { owner: string; now: Date; leaseMs: number; leasePerEstimatedMs?: number },
  limit: number,
  kind: ClaimKind,
): Promise<ClaimedStepRow[]> {
  const { where, order } = kinds[kind];
  const { rows } = await tx.client.query<ClaimedStepRow>({
    name: `engine-claim-${order}`,
    text: `WITH picked AS (
       SELECT s.id, s.status FROM step s JOIN operation o ON o.id = s."operationId"
        WHERE ${where} AND o.status IN ('queued', 'running')
        ORDER BY ${order} LIMIT $2 FOR UPDATE OF s SKIP LOCKED)
     UPDATE step s SET status = 'running', "leaseOwner" = $3, attempts = s.attempts + 1,
            "leaseExpiresAt" = $1 + make_interval(secs => ($4::float8 + s."estimatedMs" * $5::float8) / 1000.0),
            "startedAt" = COALESCE(s."startedAt", $1), "attemptStartedAt" = $1
       FROM picked p, operation o
      WHERE s.id = p.id AND o.id = s."operationId"
      RETURNING s.id, s."operationId", o.type AS "operationType", o.status AS "operationStatus", o."environmentId", s.key, s.name,
                s.title, s.node, s.attempts, s."maxAttempts", s."estimatedMs", s.dependents, p.status AS "previousStatus"`,
    values: [input.now, limit, input.owner, input.leaseMs, input.leasePerEstimatedMs ?? 0],
  });
  return rows;
}
