import type { StepContext } from "./step-context";

type Facts = StepContext["environment"];

/**
 * Each environment's settings and plan as this process last read them, per version (the environment's
 * updatedAt, which every day-2 request that rewrites them moves), so a step's lock statement can leave them out
 * when the version it names is still current. Kept per version, not only the newest, so a step whose statement
 * read an older version than the one cached meanwhile still finds its own. Least recently used entries go first
 * beyond `max` (versions and the newest-version index alike).
 */
export function createFactsCache(max = 2000) {
  const facts = new Map<string, Facts>();
  const newest = new Map<string, Date>();
  const key = (environmentId: string, updatedAt: Date) => `${environmentId}@${updatedAt.toISOString()}`;
  const touch = <K, V>(map: Map<K, V>, k: K, v: V) => {
    map.delete(k);
    map.set(k, v);
    if (map.size > max) map.delete(map.keys().next().value!);
  };
  return {
    /** The facts of that version, if held. */
    get(environmentId: string, updatedAt: Date): Facts | undefined {
      const k = key(environmentId, updatedAt);
      const held = facts.get(k);
      if (held) touch(facts, k, held);
      return held;
    },
    set(environmentId: string, updatedAt: Date, value: Facts): void {
      touch(facts, key(environmentId, updatedAt), value);
      touch(newest, environmentId, updatedAt);
    },
    /** The newest version held for the environment, so the lock statement can name it; null when none is. */
    heldVersion(environmentId: string): Date | null {
      const at = newest.get(environmentId);
      return at && facts.has(key(environmentId, at)) ? at : null;
    },
    size: () => facts.size,
  };
}

export type FactsCache = ReturnType<typeof createFactsCache>;
