import type { Pool } from "@/lib/db/pool";
import { claimableStepStatuses } from "./step-states";
import { engineTransaction, type EngineTx } from "./store/engine-transaction";
import { assertStepMoves } from "./store/transition";
import { startOperation } from "./start-operation";

export type ClaimedStep = {
  id: string;
  operationId: string;
  operationType: string;
  environmentId: string;
  key: string;
  name: string;
  title: string;
  node: string | null;
  attempt: number;
  maxAttempts: number;
  estimatedMs: number;
  dependents: string[];
};

// Claims move steps in bulk (one UPDATE), not one by one through transition(): the table must allow it.
assertStepMoves(claimableStepStatuses, "running");

type Row = Omit<ClaimedStep, "attempt"> & { attempts: number; previousStatus: string; operationStatus: string };

/**
 * Claims up to `limit` ready steps for `owner` under a lease, in one short transaction: a step is ready when
 * its operation is queued or running, every dependency succeeded, and it is pending, retrying past its
 * backoff, or running under an expired lease (its runner died). Rows are taken with FOR UPDATE SKIP LOCKED,
 * so runners never wait for one another and never hold the same step. The first claim of an operation
 * starts it.
 */
export type ClaimInput = {
  owner: string;
  now: Date;
  /** Clock ms a lease outlives the step's expected duration. */
  leaseMs: number;
  /**
   * Clock ms per estimated ms of a step, at most (time scale × the longest jitter): the lease covers the whole
   * wait from the claim, so the runner need not extend it before recording.
   */
  leasePerEstimatedMs?: number;
  limit: number;
  /** Also look for steps whose runner's lease expired (a second query; runners do it only now and then). */
  takeOver?: boolean;
};

export async function claimSteps(pool: Pool, input: ClaimInput): Promise<ClaimedStep[]> {
  return engineTransaction(pool, async (tx) => {
    const ready = await claim(tx, input, input.limit, `s.status IN ('pending', 'retrying') AND s."pendingDeps" = 0 AND s."availableAt" <= $1`, `s."availableAt"`);
    const abandoned =
      ready.length < input.limit && input.takeOver !== false
        ? await claim(tx, input, input.limit - ready.length, `s.status = 'running' AND s."leaseExpiresAt" < $1`, `s."leaseExpiresAt"`)
        : [];
    const claimed = [...ready, ...abandoned];
    const started = new Set<string>();
    for (const c of claimed) {
      if (c.operationStatus === "queued" && !started.has(c.operationId)) {
        started.add(c.operationId);
        await startOperation(tx, { id: c.operationId, type: c.operationType, environmentId: c.environmentId }, input.now);
      }
      tx.event({
        environmentId: c.environmentId,
        type: "step.running",
        message:
          c.previousStatus === "running"
            ? `${c.title}: taken over after its runner stopped responding (attempt ${c.attempts} of ${c.maxAttempts}).`
            : `${c.title}: started (attempt ${c.attempts} of ${c.maxAttempts}).`,
        operationId: c.operationId,
        stepKey: c.key,
        at: input.now,
        data: { attempt: c.attempts, maxAttempts: c.maxAttempts, runner: input.owner },
      });
    }
    return claimed.map(({ attempts, previousStatus: _previous, operationStatus: _status, ...c }) => ({ ...c, attempt: attempts }));
  });
}

async function claim(tx: EngineTx, input: ClaimInput, limit: number, where: string, order: string): Promise<Row[]> {
  const { rows } = await tx.client.query<Row>({
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
