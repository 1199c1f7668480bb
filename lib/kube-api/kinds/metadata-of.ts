import { objectUid, type SimObject } from "@/lib/engine/sim";
import type { KubeContext } from "../kube-context";
import type { KubeResource } from "../kube-resource";
import type { Json } from "../write/json";

/** Kubernetes prints times to the second, in UTC. */
export const time = (iso: string) => `${iso.slice(0, 19)}Z`;

/** An object's resourceVersion: when it last changed, in milliseconds. */
export const versionOf = (o: Pick<SimObject, "updatedAt">) => String(Date.parse(o.updatedAt));

/** The server's metadata of an object the cluster made: name, namespace, uid, version, creation time, labels. */
export function metadataOf(ctx: KubeContext, r: KubeResource, o: SimObject, extra: Json = {}): Json {
  const spec = o.spec as { labels?: Record<string, string> };
  return {
    name: o.name,
    ...(r.namespaced ? { namespace: o.namespace } : {}),
    uid: objectUid(ctx.environmentId, o),
    resourceVersion: versionOf(o),
    creationTimestamp: time(o.createdAt),
    ...(spec.labels && Object.keys(spec.labels).length > 0 ? { labels: spec.labels } : {}),
    ...extra,
  };
}
