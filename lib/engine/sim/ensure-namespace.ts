import type { Sim } from "./create-sim";
import type { ApplyResult } from "./types";

/** `kubectl create namespace` that tolerates an existing one. */
export function ensureNamespace(sim: Sim, name: string): ApplyResult {
  return sim.objects.apply({ kind: "Namespace", name, spec: {}, status: { phase: "Active" } }).result;
}
