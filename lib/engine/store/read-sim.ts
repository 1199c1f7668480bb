import type { Pool } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import { createSecretStore } from "../create-secret-store";
import { createSim, type Sim } from "../sim";
import type { SecretStore } from "../step-context";
import { loadSimState } from "./sim-store";

/**
 * A read-only look at an environment's simulated infrastructure and secrets (kubeconfig, later the cluster's
 * API): the same model the steps act on, loaded in one statement; changes made to it are never saved.
 */
export async function readSim(pool: Pool, environmentId: string, encryptionKey: string): Promise<{ sim: Sim; secrets: SecretStore }> {
  const { model, secrets } = await withTransaction(pool, (client) => loadSimState({ client, event: () => {}, log: () => {} }, environmentId));
  return { sim: createSim(model, new Date()), secrets: createSecretStore(secrets, encryptionKey) };
}
