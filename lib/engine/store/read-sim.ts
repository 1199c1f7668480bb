import type { Pool } from "@/lib/db/pool";
import { createSecretStore } from "../create-secret-store";
import { createSim, type Sim } from "../sim";
import type { SecretStore } from "../step-context";
import { loadSimState } from "./load-sim-state";

/**
 * A read-only look at an environment's simulated infrastructure and secrets (kubeconfig, later the cluster's
 * API): the same model the steps act on, loaded in one statement; changes made to it are never saved.
 */
export async function readSim(
  pool: Pool,
  environmentId: string,
  encryptionKey: string,
): Promise<{ sim: Sim; secrets: SecretStore }> {
  const { model, secrets } = await loadSimState(
    { client: pool as unknown as Parameters<typeof loadSimState>[0]["client"] },
    environmentId,
  );
  return { sim: createSim(model, new Date()), secrets: createSecretStore(secrets, encryptionKey) };
}

type Shared = { version: number; state: Promise<{ sim: Sim; secrets: SecretStore }> };
const shared = new Map<string, Shared>();
const sharedMax = 200;

/**
 * readSim for many readers of the same environment at once (the watches of its Kubernetes API): one cheap
 * query for the environment's simVersion, and the whole state loaded only when that version is new to this
 * process — every reader of a version shares one load. The state handed out is shared: read it, never change it.
 */
export async function readSimShared(
  pool: Pool,
  environmentId: string,
  encryptionKey: string,
): Promise<{ sim: Sim; secrets: SecretStore }> {
  const { rows } = await pool.query<{ simVersion: string }>(`SELECT "simVersion" FROM environment WHERE id = $1`, [
    environmentId,
  ]);
  const version = Number(rows[0]?.simVersion ?? -1);
  const known = shared.get(environmentId);
  if (known && known.version === version) return known.state;
  const state = readSim(pool, environmentId, encryptionKey);
  shared.delete(environmentId);
  shared.set(environmentId, { version, state });
  if (shared.size > sharedMax) shared.delete(shared.keys().next().value!);
  state.catch(() => shared.delete(environmentId));
  return state;
}
