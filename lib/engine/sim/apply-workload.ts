import type { Sim } from "./create-sim";
import type { ApplyResult, JsonObject, Placement, Resources, WorkloadKind, WorkloadSpec } from "./types";

export type WorkloadInput = {
  namespace: string;
  name: string;
  image: string;
  /** Defaults to "workers". */
  placement?: Placement;
  /** Defaults to { app: name }; Services select pods by these. */
  labels?: Record<string, string>;
  replicas?: number;
  tolerateNotReady?: boolean;
  hostPorts?: number[];
  manifest?: JsonObject;
  requests?: Resources;
  templateHash?: string;
};

/**
 * Applies a Deployment, StatefulSet or DaemonSet. Pods are not created here: reconcileCluster places them
 * on the nodes that can run them, so call it after applying.
 */
export function applyWorkload(sim: Sim, kind: WorkloadKind, input: WorkloadInput): ApplyResult {
  const spec: WorkloadSpec = {
    image: input.image,
    placement: input.placement ?? "workers",
    labels: input.labels ?? { app: input.name },
    ...(kind === "DaemonSet" ? {} : { replicas: input.replicas ?? 1 }),
    ...(input.tolerateNotReady ? { tolerateNotReady: true } : {}),
    ...(input.hostPorts ? { hostPorts: input.hostPorts } : {}),
    ...(input.manifest ? { manifest: input.manifest } : {}),
    ...(input.requests ? { requests: input.requests } : {}),
    ...(input.templateHash ? { templateHash: input.templateHash } : {}),
  };
  const existing = sim.objects.get({ kind, namespace: input.namespace, name: input.name });
  return sim.objects.apply({
    kind,
    namespace: input.namespace,
    name: input.name,
    spec,
    ...(existing ? {} : { status: { desired: 0, ready: 0 } }),
  }).result;
}
