import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { admitSecret } from "../write/admit-config";
import type { Json } from "../write/json";
import { age, name } from "./columns";
import type { KubeKind } from "./kube-kind";
import { metadataOf } from "./metadata-of";

/** A Secret's values are kept only encrypted with the environment's key, and served to the cluster's admin only (the one token this API accepts). */
export const secretKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "secrets",
    singularName: "secret",
    kind: "Secret",
    namespaced: true,
    shortNames: [],
    simKind: "Secret",
  },
  toObject: (ctx, r, o) => {
    const s = o.spec as Json;
    const keys = (s.keys as string[] | undefined) ?? [];
    // The simulation keeps no values of the Secrets the cluster made: the keys are listed, their values left empty.
    return {
      metadata: metadataOf(ctx, r, o),
      type: s.type ?? "Opaque",
      data: Object.fromEntries(keys.map((k) => [k, ""])),
    };
  },
  written: (ctx, _r, o) => {
    const sealed = (o.spec as Json).sealed;
    return {
      data:
        typeof sealed === "string"
          ? (JSON.parse(decryptSecret(sealed, ctx.encryptionKey)) as Record<string, string>)
          : {},
    };
  },
  columns: [
    name,
    { name: "Type", type: "string", cell: (o) => o.type },
    { name: "Data", type: "integer", cell: (o) => Object.keys(o.data ?? {}).length },
    age,
  ],
  write: {
    admit: ({ body, head, metadata, previous, errors }) => {
      const { fields, data } = admitSecret(body, previous, errors);
      return {
        manifest: { ...head, metadata, ...fields },
        store: (sim, { name, namespace, manifest, encryptionKey }) => {
          sim.objects.apply({
            kind: "Secret",
            namespace,
            name,
            spec: {
              type: manifest.type,
              keys: Object.keys(data).sort(),
              sealed: encryptSecret(JSON.stringify(data), encryptionKey),
              manifest,
            },
          });
        },
      };
    },
  },
};
