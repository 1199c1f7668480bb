import type { SimObject } from "@/lib/engine/sim";
import type { KubeContext } from "../kube-context";
import type { KubeResource } from "../kube-resource";
import type { Json } from "../write/json";
import { metadataOf } from "./metadata-of";

/** A workload the installer or an add-on made (Deployment, StatefulSet, DaemonSet), from its image and counts. */
export function workloadObject(ctx: KubeContext, r: KubeResource, o: SimObject): Json {
  const s = o.spec as { image: string; labels: Record<string, string>; replicas?: number };
  const st = o.status as { desired?: number; ready?: number };
  const desired = st.desired ?? s.replicas ?? 0;
  const ready = st.ready ?? 0;
  const selector = Object.keys(s.labels ?? {}).length > 0 ? s.labels : { app: o.name };
  const template = { metadata: { labels: selector }, spec: { containers: [{ name: o.name, image: s.image }] } };
  const metadata = metadataOf(ctx, r, o, { generation: 1 });
  if (r.kind === "DaemonSet") {
    return {
      metadata,
      spec: { selector: { matchLabels: selector }, template },
      status: {
        desiredNumberScheduled: desired,
        currentNumberScheduled: desired,
        numberReady: ready,
        updatedNumberScheduled: desired,
        numberAvailable: ready,
        numberMisscheduled: 0,
        observedGeneration: 1,
      },
    };
  }
  return {
    metadata,
    spec: { replicas: s.replicas ?? desired, selector: { matchLabels: selector }, template },
    status: {
      replicas: desired,
      readyReplicas: ready,
      availableReplicas: ready,
      updatedReplicas: desired,
      ...(r.kind === "StatefulSet" ? { currentReplicas: desired } : {}),
      observedGeneration: 1,
    },
  };
}
