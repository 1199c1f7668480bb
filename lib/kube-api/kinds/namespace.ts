import { objectAt } from "../write/json";
import { age, name } from "./columns";
import type { KubeKind } from "./kube-kind";
import { metadataOf } from "./metadata-of";

export const namespaceKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "namespaces",
    singularName: "namespace",
    kind: "Namespace",
    namespaced: false,
    shortNames: ["ns"],
    simKind: "Namespace",
  },
  toObject: (ctx, r, o) => ({
    metadata: metadataOf(ctx, r, o),
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  }),
  written: () => ({ status: { phase: "Active" } }),
  columns: [name, { name: "Status", type: "string", cell: (o) => o.status.phase }, age],
  write: {
    admit: ({ head, metadata, at }) => ({
      manifest: {
        ...head,
        metadata: { ...metadata, labels: { ...objectAt(metadata.labels), "kubernetes.io/metadata.name": at.name } },
        spec: { finalizers: ["kubernetes"] },
      },
      store: (sim, { name, manifest }) => {
        sim.objects.apply({ kind: "Namespace", name, spec: { manifest }, status: { phase: "Active" } });
      },
    }),
  },
};
