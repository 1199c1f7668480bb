import { age, name } from "./columns";
import type { KubeKind } from "./kube-kind";
import { workloadObject } from "./workload-object";
import { writtenWorkload } from "./workload-status";

export const statefulSetKind: KubeKind = {
  resource: {
    group: "apps",
    version: "v1",
    name: "statefulsets",
    singularName: "statefulset",
    kind: "StatefulSet",
    namespaced: true,
    shortNames: ["sts"],
    simKind: "StatefulSet",
  },
  toObject: workloadObject,
  written: writtenWorkload,
  columns: [
    name,
    { name: "Ready", type: "string", cell: (o) => `${o.status.readyReplicas ?? 0}/${o.spec.replicas}` },
    age,
  ],
};
