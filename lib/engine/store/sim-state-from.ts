import { createSecretState, type SecretState } from "../create-secret-store";
import { createSimModel, type SimModel } from "../sim";
import type { SimStateJson } from "./sim-state-select";

/** An environment's simulated infrastructure in memory: the cluster model and its secrets. */
export type LoadedSimState = { model: SimModel; secrets: SecretState };

/** The model and secrets from the JSON value simStateSelect builds. */
export function simStateFrom(environmentId: string, state: SimStateJson): LoadedSimState {
  const iso = (t: string) => new Date(t).toISOString();
  return {
    model: createSimModel(
      environmentId,
      state.machines.map((m) => ({ ...m, createdAt: iso(m.createdAt), updatedAt: iso(m.updatedAt) })),
      state.objects.map((o) => ({ ...o, createdAt: iso(o.createdAt), updatedAt: iso(o.updatedAt) })),
    ),
    secrets: createSecretState(state.secrets),
  };
}
