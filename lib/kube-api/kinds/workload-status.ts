import { replicaSetName, type SimObject, type WorkloadSpec, type WorkloadStatus } from "@/lib/engine/sim";
import type { KubeResource } from "../kube-resource";
import { objectAt, type Json } from "../write/json";
import { time } from "./metadata-of";

/** A workload's status from what its pods do, with the conditions `kubectl rollout status` and `describe` read. */
export function workloadStatus(r: KubeResource, o: SimObject, generation: number): Json {
  const st = o.status as WorkloadStatus;
  const desired = st.desired ?? 0;
  const ready = st.ready ?? 0;
  const at = time(o.updatedAt);
  if (r.kind === "DaemonSet") {
    return {
      desiredNumberScheduled: desired,
      currentNumberScheduled: desired,
      numberReady: ready,
      updatedNumberScheduled: desired,
      numberAvailable: ready,
      numberMisscheduled: 0,
      observedGeneration: generation,
    };
  }
  // Available against what was asked for: pods a quota holds back leave a Deployment short of it.
  const available = ready >= Math.max(desired, (o.spec as WorkloadSpec).replicas ?? desired);
  const failure = st.failure
    ? [
        {
          type: "ReplicaFailure",
          status: "True",
          reason: "FailedCreate",
          message: st.failure,
          lastUpdateTime: at,
          lastTransitionTime: at,
        },
      ]
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
              message: available
                ? "Deployment has minimum availability."
                : "Deployment does not have minimum availability.",
              lastUpdateTime: at,
              lastTransitionTime: at,
            },
            {
              type: "Progressing",
              status: "True",
              reason: available ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
              message: available
                ? `ReplicaSet "${replicaSetName(o as SimObject<WorkloadSpec>)}" has successfully progressed.`
                : `ReplicaSet "${replicaSetName(o as SimObject<WorkloadSpec>)}" is progressing.`,
              lastUpdateTime: at,
              lastTransitionTime: time(o.createdAt),
            },
            ...failure,
          ],
        }
      : {}),
    ...(r.kind === "ReplicaSet" && failure.length > 0
      ? { conditions: failure.map(({ lastUpdateTime: _u, ...c }) => c) }
      : {}),
  };
}

/** `written` of the workload kinds: the status their pods give them, at the manifest's generation. */
export const writtenWorkload = (_ctx: unknown, r: KubeResource, o: SimObject, manifest: Json): Json => ({
  status: workloadStatus(r, o, Number(objectAt(manifest.metadata).generation ?? 1)),
});
