import type { EngineTx } from "./engine-transaction";
import { simStateFrom, type LoadedSimState } from "./sim-state-from";
import { simStateSelect, type SimStateJson } from "./sim-state-select";

/**
 * Loads an environment's machines, objects and secrets in one round trip. Steps load them with their locks
 * (execute-step.ts); this is for reading them elsewhere.
 */
export async function loadSimState(tx: Pick<EngineTx, "client">, environmentId: string): Promise<LoadedSimState> {
  const { rows } = await tx.client.query<{ state: SimStateJson }>(`SELECT ${simStateSelect("$1")} AS state`, [
    environmentId,
  ]);
  return simStateFrom(environmentId, rows[0]!.state);
}
