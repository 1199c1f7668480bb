import type { PoolClient } from "pg";
import type { Pool } from "@/lib/db/pool";
import { createSecretState } from "../create-secret-store";
import type { SimStateCache } from "../sim-state-cache";
import { simStateFrom, type LoadedSimState } from "./sim-state-from";
import { simStateSelect, type SimStateJson } from "./sim-state-select";

/**
 * An environment's committed machines, objects and secrets, in one statement: from the cache when it holds
 * the current version (only machines and secrets are read), else what changed after the cached version applied
 * to it, else everything. What it returns is committed state — fork it (forkSimModel) before changing it.
 */
export async function loadSimState(
  client: Pick<PoolClient, "query"> | Pool,
  environmentId: string,
  cache: SimStateCache,
): Promise<LoadedSimState> {
  const cached = cache.get(environmentId);
  const { rows } = await client.query<{ state: SimStateJson }>({
    name: "engine-load-sim-state",
    text: `SELECT ${simStateSelect("$1", "$2")} AS state`,
    values: [environmentId, cached?.version ?? -1],
  });
  return adoptSimState(environmentId, rows[0]!.state, cached, cache);
}

/**
 * The committed state that `state` (simStateSelect's answer, asked from `base`'s version) makes, kept in the
 * cache. `base` is the cached state the question was asked from (the cache may hold another one by now).
 */
export function adoptSimState(
  environmentId: string,
  state: SimStateJson,
  base: { version: number; model: LoadedSimState["model"] } | undefined,
  cache: SimStateCache,
): LoadedSimState {
  const version = Number(state.version);
  const secrets = createSecretState(state.secrets);
  if (base && base.version === version && state.delta) return { version, model: base.model, secrets };
  const loaded = simStateFrom(environmentId, state, base?.model);
  if (version >= 0) cache.set(environmentId, version, loaded.model);
  return loaded;
}
