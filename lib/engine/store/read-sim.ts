import type { Pool } from "@/lib/db/pool";
import { createSecretStore } from "../create-secret-store";
import { createSim, forkSimModel, type Sim } from "../sim";
import { processSimStates, type SimStateCache } from "../sim-state-cache";
import type { SecretStore } from "../step-context";
import { loadSimState } from "./load-sim-state";

const loading = new Map<string, Promise<{ sim: Sim; secrets: SecretStore }>>();

/**
 * A read-only look at an environment's simulated infrastructure and secrets (kubeconfig, the cluster's API, the
 * autoscaler): the committed state from the process's cache, refreshed in one statement (only rows written
 * since the cached version are read). Readers of the same environment at the same moment share one
 * statement. Changes made to what it returns are never saved (it is a fork).
 */
export async function readSim(
  pool: Pool,
  environmentId: string,
  encryptionKey: string,
  cache: SimStateCache = processSimStates,
): Promise<{ sim: Sim; secrets: SecretStore }> {
  const pending = loading.get(environmentId);
  if (pending && cache === processSimStates) return pending;
  const state = loadSimState(pool, environmentId, cache).then(({ model, secrets }) => ({
    sim: createSim(forkSimModel(model), new Date()),
    secrets: createSecretStore(secrets, encryptionKey),
  }));
  if (cache !== processSimStates) return state;
  loading.set(environmentId, state);
  try {
    return await state;
  } finally {
    loading.delete(environmentId);
  }
}
