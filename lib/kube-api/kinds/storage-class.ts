import type { Json } from "../write/json";
import { age } from "./columns";
import { asWritten, type KubeKind } from "./kube-kind";
import { metadataOf } from "./metadata-of";

export const storageClassKind: KubeKind = {
  resource: {
    group: "storage.k8s.io",
    version: "v1",
    name: "storageclasses",
    singularName: "storageclass",
    kind: "StorageClass",
    namespaced: false,
    shortNames: ["sc"],
    simKind: "StorageClass",
  },
  toObject: (ctx, r, o) => {
    const s = o.spec as Json;
    return {
      metadata: metadataOf(
        ctx,
        r,
        o,
        s.isDefault ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } : {},
      ),
      provisioner: s.provisioner,
      parameters: s.parameters,
      reclaimPolicy: s.reclaimPolicy,
      allowVolumeExpansion: s.allowVolumeExpansion,
      volumeBindingMode: "Immediate",
    };
  },
  written: asWritten,
  columns: [
    {
      name: "Name",
      type: "string",
      cell: (o) =>
        `${o.metadata.name}${o.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true" ? " (default)" : ""}`,
    },
    { name: "Provisioner", type: "string", cell: (o) => o.provisioner },
    { name: "ReclaimPolicy", type: "string", cell: (o) => o.reclaimPolicy },
    { name: "VolumeBindingMode", type: "string", cell: (o) => o.volumeBindingMode },
    { name: "AllowVolumeExpansion", type: "string", cell: (o) => String(o.allowVolumeExpansion) },
    age,
  ],
};
