import { topologies, type TopologyId } from "@/lib/catalog";
import type { SimpleChange } from "./use-simple-change";

/** Adding storage, as the storage card and the add-ons that need it offer it. */
export function addStorageChange(topologyId: TopologyId): SimpleChange {
  return {
    action: "add-storage",
    title: "Add storage",
    description:
      topologies[topologyId].storageNodes > 1
        ? "Adds three storage nodes forming a GlusterFS replicated volume, mounts it at /data on every node, and installs the NFS provisioner as the default StorageClass."
        : "Adds an NFS storage node, mounts it at /data on every node, and installs the NFS provisioner as the default StorageClass.",
    body: {},
    confirmLabel: "Add storage",
  };
}
