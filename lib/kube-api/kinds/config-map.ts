import { admitConfigMap } from "../write/admit-config";
import type { Json } from "../write/json";
import { age, name } from "./columns";
import { asWritten, type KubeKind } from "./kube-kind";
import { metadataOf } from "./metadata-of";

const stringValues = (data: Json): Record<string, string> =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));

export const configMapKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "configmaps",
    singularName: "configmap",
    kind: "ConfigMap",
    namespaced: true,
    shortNames: ["cm"],
    simKind: "ConfigMap",
  },
  toObject: (ctx, r, o) => ({
    metadata: metadataOf(ctx, r, o),
    data: stringValues(((o.spec as Json).data as Json | undefined) ?? {}),
  }),
  written: asWritten,
  columns: [name, { name: "Data", type: "integer", cell: (o) => Object.keys(o.data ?? {}).length }, age],
  write: {
    admit: ({ body, head, metadata, previous, errors }) => ({
      manifest: { ...head, metadata, ...admitConfigMap(body, previous, errors) },
      store: (sim, { name, namespace, manifest }) => {
        sim.objects.apply({ kind: "ConfigMap", namespace, name, spec: { manifest } });
      },
    }),
  },
};
