import { bindPersistentVolumeClaims } from "./bind-persistent-volume-claims";
import type { Sim } from "./create-sim";
import type { ApplyResult, StorageClassSpec } from "./types";

/** A StorageClass; claims waiting for it (or for a default) are bound at once. */
export function applyStorageClass(sim: Sim, name: string, spec: StorageClassSpec): ApplyResult {
  const result = sim.objects.apply({ kind: "StorageClass", name, spec }).result;
  bindPersistentVolumeClaims(sim);
  return result;
}
