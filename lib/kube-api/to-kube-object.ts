import type { SimObject } from "@/lib/engine/sim";
import { fromManifest } from "./from-manifest";
import { kindOf } from "./kinds";
import type { KubeContext } from "./kube-context";
import { groupVersion, type KubeResource } from "./kube-resource";
import type { Json } from "./write/json";

/**
 * A simulated object as the real API returns it: apiVersion, kind, metadata, spec, status — as its user wrote it
 * when it keeps a manifest (and its kind is not derived from another), else as its kind renders what the cluster made.
 */
export function toKubeObject(ctx: KubeContext, r: KubeResource, o: SimObject): Json {
  const kind = kindOf(r);
  const manifest = (o.spec as Json).manifest;
  if (kind.written && typeof manifest === "object" && manifest !== null && r.simKind === o.kind)
    return fromManifest(ctx, r, o, kind.written);
  return { apiVersion: groupVersion(r), kind: r.kind, ...kind.toObject(ctx, r, o) };
}
