import { objectUid, replicaSetName, type WorkloadSpec, type SimObject } from "@/lib/engine/sim";
import { podTemplateOf } from "../pod-template-of";
import { age, name, templateColumns } from "./columns";
import type { KubeKind } from "./kube-kind";
import { time, versionOf } from "./metadata-of";
import { workloadStatus } from "./workload-status";

/**
 * A Deployment's current ReplicaSet (derived: the simulation keeps no history, so the one for the pod template in
 * use), owned by the Deployment — `kubectl describe deployment` finds it by that owner reference.
 */
export const replicaSetKind: KubeKind = {
  resource: {
    group: "apps",
    version: "v1",
    name: "replicasets",
    singularName: "replicaset",
    kind: "ReplicaSet",
    namespaced: true,
    shortNames: ["rs"],
    simKind: "Deployment",
  },
  toObject: (ctx, r, deployment) => {
    const spec = deployment.spec as WorkloadSpec;
    const name = replicaSetName(deployment as SimObject<WorkloadSpec>);
    const hash = name.slice(deployment.name.length + 1);
    const labels = { ...spec.labels, "pod-template-hash": hash };
    const template = podTemplateOf(deployment) ?? { containers: [{ name: deployment.name, image: spec.image }] };
    const status = workloadStatus({ ...r, kind: "ReplicaSet" }, deployment, 1);
    return {
      metadata: {
        name,
        namespace: deployment.namespace,
        uid: objectUid(ctx.environmentId, {
          kind: "ReplicaSet",
          namespace: deployment.namespace,
          name,
          createdAt: deployment.createdAt,
        }),
        resourceVersion: versionOf(deployment),
        creationTimestamp: time(deployment.createdAt),
        labels,
        annotations: {
          "deployment.kubernetes.io/desired-replicas": String(spec.replicas ?? 1),
          "deployment.kubernetes.io/revision": "1",
        },
        ownerReferences: [
          {
            apiVersion: "apps/v1",
            kind: "Deployment",
            name: deployment.name,
            uid: objectUid(ctx.environmentId, deployment),
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas: spec.replicas ?? 1,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: template },
      },
      status: {
        replicas: status.replicas,
        readyReplicas: status.readyReplicas,
        availableReplicas: status.availableReplicas,
        fullyLabeledReplicas: status.replicas,
        observedGeneration: 1,
        ...(status.conditions ? { conditions: status.conditions } : {}),
      },
    };
  },
  columns: [
    name,
    { name: "Desired", type: "integer", cell: (o) => o.spec.replicas ?? 0 },
    { name: "Current", type: "integer", cell: (o) => o.status.replicas ?? 0 },
    { name: "Ready", type: "integer", cell: (o) => o.status.readyReplicas ?? 0 },
    age,
    ...templateColumns,
  ],
};
