import type { Pool } from "@/lib/db/pool";
import { startOperation } from "./start-operation";
import { claimableStepStatuses } from "./step-states";
import { claimStepRows } from "./store/claim-step-rows";
import { engineTransaction } from "./store/engine-transaction";
import { assertStepMoves } from "./store/transition";

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
    const ready = await claimStepRows(tx, input, input.limit, "ready");
    const abandoned =
      ready.length < input.limit && input.takeOver !== false
        ? await claimStepRows(tx, input, input.limit - ready.length, "abandoned")
        : [];
    const claimed = [...ready, ...abandoned];
    const started = new Set<string>();
    for (const c of claimed) {
      if (c.operationStatus === "queued" && !started.has(c.operationId)) {
        started.add(c.operationId);
        await startOperation(
          tx,
          { id: c.operationId, type: c.operationType, environmentId: c.environmentId },
          input.now,
        );
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
    return claimed.map(({ attempts, previousStatus: _previous, operationStatus: _status, ...c }) => ({
      ...c,
      attempt: attempts,
    }));
  });
}
