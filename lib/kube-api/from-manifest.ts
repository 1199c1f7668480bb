import { objectUid, type SimObject } from "@/lib/engine/sim";
import type { KubeKind } from "./kinds/kube-kind";
import { time, versionOf } from "./kinds/metadata-of";
import type { KubeContext } from "./kube-context";
import type { KubeResource } from "./kube-resource";
import { objectAt, type Json } from "./write/json";

/**
 * An object its user wrote, read back: the manifest as stored, with the server's metadata (uid, resourceVersion,
 * creationTimestamp) and what its kind adds (`written`: the status the simulation gives it, a Secret's values).
 */
export function fromManifest(
  ctx: KubeContext,
  r: KubeResource,
  o: SimObject,
  written: NonNullable<KubeKind["written"]>,
): Json {
  const manifest = objectAt((o.spec as Json).manifest);
  const { apiVersion, kind, metadata, status: _status, ...rest } = manifest;
  const head = {
    apiVersion: apiVersion ?? (r.group ? `${r.group}/${r.version}` : r.version),
    kind: kind ?? r.kind,
    metadata: {
      ...objectAt(metadata),
      name: o.name,
      ...(r.namespaced ? { namespace: o.namespace } : {}),
      uid: objectUid(ctx.environmentId, o),
      resourceVersion: versionOf(o),
      creationTimestamp: time(o.createdAt),
    },
  };
  return { ...head, ...rest, ...written(ctx, r, o, manifest) };
}
