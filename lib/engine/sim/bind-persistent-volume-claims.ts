import type { Sim } from "./create-sim";
import { findDefaultStorageClass } from "./find-default-storage-class";
import { shortHash } from "./short-hash";
import type { PersistentVolumeClaimSpec, PersistentVolumeClaimStatus, StorageClassSpec } from "./types";

/**
 * The provisioner's job: every Pending claim whose StorageClass exists (its own, or the default when it names
 * none) gets a volume and turns Bound. Bound claims are left alone. Returns the claims bound now.
 */
export function bindPersistentVolumeClaims(sim: Sim): string[] {
  const fallback = findDefaultStorageClass(sim);
  const bound: string[] = [];
  for (const pvc of sim.objects.list<PersistentVolumeClaimSpec, PersistentVolumeClaimStatus>("PersistentVolumeClaim")) {
    if (pvc.status.phase === "Bound") continue;
    const className = pvc.spec.storageClassName ?? fallback?.name;
    const storageClass =
      className === undefined
        ? undefined
        : sim.objects.get<StorageClassSpec>({ kind: "StorageClass", name: className });
    const status: PersistentVolumeClaimStatus = storageClass
      ? {
          phase: "Bound",
          storageClassName: storageClass.name,
          volumeName: `pvc-${shortHash(`${sim.environmentId}/${pvc.namespace}/${pvc.name}`, 8)}-${shortHash(pvc.name, 4)}`,
        }
      : {
          phase: "Pending",
          message:
            className === undefined
              ? "no persistent volumes available for this claim and no storage class is set"
              : `storageclass.storage.k8s.io "${className}" not found`,
        };
    sim.objects.setStatus({ kind: "PersistentVolumeClaim", namespace: pvc.namespace, name: pvc.name }, status);
    if (status.phase === "Bound") bound.push(`${pvc.namespace}/${pvc.name}`);
  }
  return bound;
}
