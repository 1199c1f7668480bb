import type { SecretState } from "./create-secret-store";
import type { SimModel } from "./sim";

type Entry = { version: number; model: SimModel; secrets: SecretState };

/**
 * The simulated infrastructure this process last saw of each environment, with the environment's simVersion
 * it corresponds to. A step whose lock query finds the version unchanged reuses it instead of loading every
 * machine, object and secret again — the common case, since one runner usually runs an environment's steps
 * one after another. Only committed states are kept; an entry is dropped the moment a step using it fails
 * to commit (the handler changed it in place). Least recently used entries go first beyond `max`.
 */
export function createSimCache(max = 2000) {
  const entries = new Map<string, Entry>();
  return {
    get(environmentId: string): Entry | undefined {
      const entry = entries.get(environmentId);
      if (!entry) return undefined;
      entries.delete(environmentId);
      entries.set(environmentId, entry);
      return entry;
    },
    set(environmentId: string, entry: Entry): void {
      entries.delete(environmentId);
      entries.set(environmentId, entry);
      if (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    drop(environmentId: string): void {
      entries.delete(environmentId);
    },
    size: () => entries.size,
  };
}

export type SimCache = ReturnType<typeof createSimCache>;
