import type { EngineTx } from "./engine-transaction";
import { simStateSelect, type SimStateJson } from "./sim-state-select";

/**
 * Once a step's locks are held: how many other steps of its operation are unfinished and the environment's
 * simulated state — what changed after version `since` (the runner's cached one; -1 for all). One statement,
 * prepared once.
 */
export async function loadStepState(
  tx: EngineTx,
  s: { operationId: string; stepId: string; environmentId: string; since: number },
): Promise<{ remaining: number; state: SimStateJson }> {
  const { rows } = await tx.client.query<{ remaining: number; state: SimStateJson }>({
    name: "engine-load-step",
    text: `SELECT (SELECT COUNT(*)::int FROM step WHERE "operationId" = $1 AND status <> 'succeeded' AND id <> $2) AS remaining,
                  ${simStateSelect("$3", "$4")} AS state`,
    values: [s.operationId, s.stepId, s.environmentId, s.since],
  });
  return rows[0]!;
}
