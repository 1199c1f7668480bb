import { createSecretState, type SecretState } from "../create-secret-store";
import { applyCommittedObjects, createSimModel, type SimModel } from "../sim";
import type { SimStateJson } from "./sim-state-select";

/** An environment's simulated infrastructure in memory: the committed cluster model, its version and secrets. */
export type LoadedSimState = { version: number; model: SimModel; secrets: SecretState };

/**
 * The committed model the JSON value simStateSelect built makes: `base` (the state of the version it was asked
 * about) with the changes applied, or the objects alone when it is not a delta or there is no base.
 */
export function simStateFrom(environmentId: string, state: SimStateJson, base?: SimModel): LoadedSimState {
  const iso = (t: string) => new Date(t).toISOString();
  const machines = state.machines.map((m) => ({ ...m, createdAt: iso(m.createdAt), updatedAt: iso(m.updatedAt) }));
  const objects = state.objects.map((o) => ({ ...o, createdAt: iso(o.createdAt), updatedAt: iso(o.updatedAt) }));
  const from = base && state.delta ? base : createSimModel(environmentId);
  return {
    version: Number(state.version),
    model: applyCommittedObjects(from, machines, objects, state.delta ? state.deleted : []),
    secrets: createSecretState(state.secrets),
  };
}
