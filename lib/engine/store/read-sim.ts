import type { Pool } from "@/lib/db/pool";
import { createSecretStore } from "../create-secret-store";
import { createSim, type Sim } from "../sim";
import type { SecretStore } from "../step-context";
import { loadSimState } from "./sim-store";

/**
 * A read-only look at an environment's simulated infrastructure and secrets (kubeconfig, later the cluster's
 * API): the same model the steps act on, loaded in one statement; changes made to it are never saved.
 */
export async function readSim(pool: Pool, environmentId: string, encryptionKey: string): Promise<{ sim: Sim; secrets: SecretStore }> {
  const { model, secrets } = await loadSimState({ client: pool as unknown as Parameters<typeof loadSimState>[0]["client"] }, environmentId);
  return { sim: createSim(model, new Date()), secrets: createSecretStore(secrets, encryptionKey) };
}
