import { decryptSecret } from "@/lib/crypto/secret-box";
import { objectUid, replicaSetName, type SimObject, type WorkloadSpec, type WorkloadStatus } from "@/lib/engine/sim";
import type { KubeResource } from "./resources";
import type { KubeContext } from "./to-kube-object";

type Json = Record<string, unknown>;

const objectAt = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});
const time = (iso: string) => `${iso.slice(0, 19)}Z`;

/** The pod template's spec of a workload written as a manifest (through the API or a custom deployment). */
export function podTemplateOf(workload: SimObject): Json | undefined {
  const manifest = (workload.spec as { manifest?: unknown }).manifest;
  const spec = objectAt(objectAt(objectAt(objectAt(manifest).spec).template).spec);
  return Array.isArray(spec.containers) ? spec : undefined;
}

/**
 * An object its user wrote, read back: the manifest as stored, with the server's metadata (uid, resourceVersion,
 * creationTimestamp) and the status the simulation gives it. A Secret's values are decrypted here, for the
 * cluster's admin only (the one token this API accepts).
 */
export function fromManifest(ctx: KubeContext, r: KubeResource, o: SimObject): Json {
  const spec = o.spec as Json;
  const { apiVersion, kind, metadata, status: _status, ...rest } = objectAt(spec.manifest);
  const head = {
    apiVersion: apiVersion ?? (r.group ? `${r.group}/${r.version}` : r.version),
    kind: kind ?? r.kind,
    metadata: {
      ...objectAt(metadata),
      name: o.name,
      ...(r.namespaced ? { namespace: o.namespace } : {}),
      uid: objectUid(ctx.environmentId, o),
      resourceVersion: String(Date.parse(o.updatedAt)),
      creationTimestamp: time(o.createdAt),
    },
  };
  switch (r.kind) {
    case "Secret": {
      const data = typeof spec.sealed === "string" ? (JSON.parse(decryptSecret(spec.sealed, ctx.encryptionKey)) as Record<string, string>) : {};
      return { ...head, ...rest, data };
    }
    case "Namespace":
      return { ...head, ...rest, status: { phase: "Active" } };
    case "Service": {
      const type = objectAt(rest.spec).type;
      return { ...head, ...rest, status: { loadBalancer: type === "LoadBalancer" ? { ingress: [{ hostname: ctx.plan.domain }] } : {} } };
    }
    case "Ingress":
      return { ...head, ...rest, status: { loadBalancer: { ingress: [{ hostname: ctx.plan.domain }] } } };
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
      return { ...head, ...rest, status: workloadStatus(r, o, Number(objectAt(metadata).generation ?? 1)) };
    default:
      return { ...head, ...rest };
  }
}

/** A workload's status from what its pods do, with the conditions `kubectl rollout status` and `describe` read. */
export function workloadStatus(r: KubeResource, o: SimObject, generation: number): Json {
  const st = o.status as WorkloadStatus;
  const desired = st.desired ?? 0;
  const ready = st.ready ?? 0;
  const at = time(o.updatedAt);
  if (r.kind === "DaemonSet") {
    return { desiredNumberScheduled: desired, currentNumberScheduled: desired, numberReady: ready, updatedNumberScheduled: desired, numberAvailable: ready, numberMisscheduled: 0, observedGeneration: generation };
  }
  // Available against what was asked for: pods a quota holds back leave a Deployment short of it.
  const available = ready >= Math.max(desired, (o.spec as WorkloadSpec).replicas ?? desired);
  const failure = st.failure
    ? [{ type: "ReplicaFailure", status: "True", reason: "FailedCreate", message: st.failure, lastUpdateTime: at, lastTransitionTime: at }]
    : [];
  return {
    observedGeneration: generation,
    replicas: desired,
    updatedReplicas: desired,
    readyReplicas: ready,
    availableReplicas: ready,
    ...(desired > ready ? { unavailableReplicas: desired - ready } : {}),
    ...(r.kind === "StatefulSet" ? { currentReplicas: desired } : {}),
    ...(r.kind === "Deployment"
      ? {
          conditions: [
            {
              type: "Available",
              status: available ? "True" : "False",
              reason: available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
              message: available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
              lastUpdateTime: at,
              lastTransitionTime: at,
            },
            {
              type: "Progressing",
              status: "True",
              reason: available ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
              message: available ? `ReplicaSet "${replicaSetName(o as SimObject<WorkloadSpec>)}" has successfully progressed.` : `ReplicaSet "${replicaSetName(o as SimObject<WorkloadSpec>)}" is progressing.`,
              lastUpdateTime: at,
              lastTransitionTime: time(o.createdAt),
            },
            ...failure,
          ],
        }
      : {}),
    ...(r.kind === "ReplicaSet" && failure.length > 0 ? { conditions: failure.map(({ lastUpdateTime: _u, ...c }) => c) } : {}),
  };
}
