import type { Json } from "../write/json";
import { age, name } from "./columns";
import { asWritten, type KubeKind } from "./kube-kind";
import { metadataOf } from "./metadata-of";

export const persistentVolumeClaimKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "persistentvolumeclaims",
    singularName: "persistentvolumeclaim",
    kind: "PersistentVolumeClaim",
    namespaced: true,
    shortNames: ["pvc"],
    simKind: "PersistentVolumeClaim",
  },
  toObject: (ctx, r, o) => {
    const s = o.spec as Json;
    const st = o.status as Json;
    return {
      metadata: metadataOf(ctx, r, o),
      spec: {
        accessModes: s.accessModes,
        resources: { requests: { storage: s.size } },
        ...((st.storageClassName ?? s.storageClassName)
          ? { storageClassName: st.storageClassName ?? s.storageClassName }
          : {}),
        ...(st.volumeName ? { volumeName: st.volumeName } : {}),
        volumeMode: "Filesystem",
      },
      status:
        st.phase === "Bound"
          ? { phase: "Bound", accessModes: s.accessModes, capacity: { storage: s.size } }
          : { phase: "Pending" },
    };
  },
  written: asWritten,
  columns: [
    name,
    { name: "Status", type: "string", cell: (o) => o.status.phase },
    { name: "Volume", type: "string", cell: (o) => o.spec.volumeName ?? "" },
    { name: "Capacity", type: "string", cell: (o) => o.status.capacity?.storage ?? "" },
    {
      name: "Access Modes",
      type: "string",
      cell: (o) =>
        (o.spec.accessModes ?? [])
          .map((m: string) => (m === "ReadWriteOnce" ? "RWO" : m === "ReadWriteMany" ? "RWX" : m))
          .join(","),
    },
    { name: "StorageClass", type: "string", cell: (o) => o.spec.storageClassName ?? "" },
    age,
  ],
};
