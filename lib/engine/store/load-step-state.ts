import type { EngineTx } from "./engine-transaction";
import { simStateSelect, type SimStateJson } from "./sim-state-select";

/**
 * Once a step's locks are held: how many other steps of its operation are unfinished and, when `withState`,
 * the environment's simulated infrastructure (null otherwise). One statement, prepared per shape.
 */
export async function loadStepState(
  tx: EngineTx,
  s: { operationId: string; stepId: string; environmentId: string; withState: boolean },
): Promise<{ remaining: number; state: SimStateJson | null }> {
  const { rows } = await tx.client.query<{ remaining: number; state: SimStateJson | null }>({
    name: `engine-load-step-${s.withState ? "all" : "count"}`,
    text: `SELECT (SELECT COUNT(*)::int FROM step WHERE "operationId" = $1 AND status <> 'succeeded' AND id <> $2) AS remaining,
                  ${s.withState ? simStateSelect("$3") : "NULL"} AS state`,
    values: s.withState ? [s.operationId, s.stepId, s.environmentId] : [s.operationId, s.stepId],
  });
  return rows[0]!;
}
