import type { Pool } from "@/lib/db/pool";
import { createSim, forkSimModel, markSimModelSaved, reconcileCluster, type ClusterQuotaHard, type Sim } from "../sim";
import { processSimStates, type SimStateCache } from "../sim-state-cache";
import { engineTransaction } from "./engine-transaction";
import { loadSimState } from "./load-sim-state";
import { saveSimState } from "./save-sim-state";

/** The environment is being torn down (or is gone): its objects no longer change. */
export class ClusterNotChangeable extends Error {
  constructor(readonly status: string) {
    super(`The cluster is ${status}.`);
  }
}

/** Environments whose cluster may be changed through its API: it exists and no teardown has begun. */
const changeable = new Set(["installing", "running", "updating", "failed"]);

/** Thrown inside a dry run to roll its transaction back once the answer is known. */
class DryRun extends Error {
  constructor(readonly answer: unknown) {
    super("dry run");
  }
}

/**
 * A change to a cluster's Kubernetes objects from outside the engine's steps (the cluster's own API: kubectl
 * create, apply, scale, delete): under the environment's advisory lock — the one every step of the environment
 * holds, so the two never interleave — the simulation is loaded, `change` edits its objects (it throws to
 * refuse, and nothing is written), the cluster's controllers run (pods scheduled, events recorded), the answer
 * `change` returned is read (so a created Deployment comes back with its status), and what changed is written in
 * the same transaction, whose commit tells live pages and watches. A dry run computes all of it, writes nothing.
 * What it costs does not grow with the cluster: the state comes from the process's cache (only rows written
 * since are read), the controllers whose inputs did not change are skipped, and only changed rows are written.
 * `change` must be synchronous and must not move machines. Refused (ClusterNotChangeable) once a teardown began.
 * `quota` is the cluster's quota from its plan: the controllers hold the user's pods to it, and `change` reads it as `sim.quota`.
 */
export async function changeClusterObjects<T>(
  pool: Pool,
  environmentId: string,
  change: (sim: Sim) => () => T,
  options: {
    now?: Date;
    dryRun?: boolean;
    quota?: ClusterQuotaHard;
    /** Run every controller, not only those whose inputs changed (the engine's catch-up pass). */
    reconcileAll?: boolean;
    cache?: SimStateCache;
  } = {},
): Promise<T> {
  const now = options.now ?? new Date();
  const cache = options.cache ?? processSimStates;
  let committed: { version: number; model: ReturnType<typeof forkSimModel> } | undefined;
  try {
    const result = await engineTransaction(pool, async (tx) => {
      // The status is read after the lock is held (a separate statement sees what committed meanwhile): a teardown
      // step that ran first has already set it.
      await tx.client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [environmentId]);
      const { rows } = await tx.client.query<{ status: string }>("SELECT status FROM environment WHERE id = $1", [
        environmentId,
      ]);
      const status = rows[0]?.status ?? "deleted";
      if (!changeable.has(status)) throw new ClusterNotChangeable(status);
      const loaded = await loadSimState(tx.client, environmentId, cache);
      const model = forkSimModel(loaded.model);
      const sim = createSim(model, now, options.quota);
      const answer = change(sim);
      reconcileCluster(sim, { all: options.reconcileAll });
      const result = answer();
      if (options.dryRun) throw new DryRun(result);
      const version = loaded.version + 1;
      if (await saveSimState(tx, model, loaded.secrets, now, null, version)) committed = { version, model };
      return result;
    });
    if (committed) {
      markSimModelSaved(committed.model);
      cache.set(environmentId, committed.version, committed.model);
    }
    return result;
  } catch (e) {
    if (e instanceof DryRun) return e.answer as T;
    throw e;
  }
}
