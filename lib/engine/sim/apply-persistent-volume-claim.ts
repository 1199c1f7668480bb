import { bindPersistentVolumeClaims } from "./bind-persistent-volume-claims";
import type { Sim } from "./create-sim";
import type { ApplyResult, PersistentVolumeClaimSpec, PersistentVolumeClaimStatus } from "./types";

/**
 * A claim on `storageClassName` (null = the default class). It binds at once when the class exists, else it
 * stays Pending until one appears (applyStorageClass binds waiting claims).
 */
export function applyPersistentVolumeClaim(
  sim: Sim,
  input: { namespace: string; name: string; size: string; storageClassName?: string | null },
): ApplyResult {
  const ref = { kind: "PersistentVolumeClaim", namespace: input.namespace, name: input.name };
  const spec: PersistentVolumeClaimSpec = {
    storageClassName: input.storageClassName ?? null,
    size: input.size,
    accessModes: ["ReadWriteOnce"],
  };
  const existing = sim.objects.get(ref);
  const pending: PersistentVolumeClaimStatus = { phase: "Pending" };
  const result = sim.objects.apply({ ...ref, spec, ...(existing ? {} : { status: pending }) }).result;
  bindPersistentVolumeClaims(sim);
  return result;
}
