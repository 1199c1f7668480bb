import { findDefaultStorageClass, type Sim, type SimObject, type StorageClassSpec } from "@/lib/engine/sim";
import { platformError } from "./platform-error";

/** Add-ons that keep data refuse to install without a default StorageClass (permanent, platform). */
export function requireDefaultStorageClass(sim: Sim, addon: string): SimObject<StorageClassSpec> {
  const sc = findDefaultStorageClass(sim);
  if (!sc) {
    throw platformError(
      "no-default-storage-class",
      `${addon} needs persistent storage, but the cluster has no default StorageClass (NFS storage is not installed).`,
      "Add NFS storage to the cluster, then install the add-on again; if storage is already on, contact support with the environment name.",
    );
  }
  return sc;
}
