import type { SimModel } from "./sim";

type Entry = { version: number; model: SimModel; weight: number };

/**
 * The committed simulated state this process last read or wrote of each environment, with the environment's
 * simVersion it is of. A transaction that finds the version unchanged forks it (sim-model.ts) instead of loading
 * the cluster again; one that finds it moved reads only the rows written after it (simStateSelect). Entries
 * are never changed: writers fork them and put their committed fork back. Bounded by the objects and machines
 * held in all — least recently used environments go first — so a process holds the clusters it serves, not
 * every cluster it ever touched.
 */
export function createSimStateCache(maxObjects = Number(process.env.SIM_CACHE_OBJECTS ?? 30_000)) {
  const entries = new Map<string, Entry>();
  let weight = 0;
  const drop = (environmentId: string) => {
    const entry = entries.get(environmentId);
    if (!entry) return;
    weight -= entry.weight;
    entries.delete(environmentId);
  };
  return {
    get(environmentId: string): { version: number; model: SimModel } | undefined {
      const entry = entries.get(environmentId);
      if (!entry) return undefined;
      entries.delete(environmentId);
      entries.set(environmentId, entry);
      return entry;
    },
    /** Keeps `model` (committed, never to be changed again) as the state of `version`, unless a newer one is held. */
    set(environmentId: string, version: number, model: SimModel): void {
      const held = entries.get(environmentId);
      if (held && held.version > version) return;
      drop(environmentId);
      const entry = { version, model, weight: model.objects.size + model.machines.size + 1 };
      entries.set(environmentId, entry);
      weight += entry.weight;
      for (const id of entries.keys()) {
        if (weight <= maxObjects || id === environmentId) break;
        drop(id);
      }
    },
    drop,
    size: () => entries.size,
    weight: () => weight,
  };
}

export type SimStateCache = ReturnType<typeof createSimStateCache>;

/** The process's cache, shared by the cluster API's reads and writes and the runner's steps. */
export const processSimStates: SimStateCache = createSimStateCache();
