import type { Pool } from "@/lib/db/pool";
import type { Faults } from "../faults";
import { engineTransaction } from "./engine-transaction";

/** Turns fault injection on or off for an environment (tests and demos); recorded as an event. */
export async function setEnvironmentFaults(
  pool: Pool,
  environmentId: string,
  faults: Faults,
  actorId: string | null,
  at: Date,
): Promise<void> {
  await engineTransaction(pool, async (tx) => {
    await tx.client.query(`UPDATE environment SET faults = $2 WHERE id = $1`, [environmentId, JSON.stringify(faults)]);
    const named = faults.named.length > 0 ? `, named: ${faults.named.join(", ")}` : "";
    tx.event({
      environmentId,
      type: "environment.faults",
      message: `Fault injection set (transient rate ${faults.transientFailureRate}${named}).`,
      actorId,
      at,
      data: { ...faults },
    });
  });
}
