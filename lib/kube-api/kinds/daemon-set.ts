import { age, name } from "./columns";
import type { KubeKind } from "./kube-kind";
import { workloadObject } from "./workload-object";
import { writtenWorkload } from "./workload-status";

export const daemonSetKind: KubeKind = {
  resource: {
    group: "apps",
    version: "v1",
    name: "daemonsets",
    singularName: "daemonset",
    kind: "DaemonSet",
    namespaced: true,
    shortNames: ["ds"],
    simKind: "DaemonSet",
  },
  toObject: workloadObject,
  written: writtenWorkload,
  columns: [
    name,
    { name: "Desired", type: "integer", cell: (o) => o.status.desiredNumberScheduled },
    { name: "Current", type: "integer", cell: (o) => o.status.currentNumberScheduled },
    { name: "Ready", type: "integer", cell: (o) => o.status.numberReady },
    { name: "Up-to-date", type: "integer", cell: (o) => o.status.updatedNumberScheduled },
    { name: "Available", type: "integer", cell: (o) => o.status.numberAvailable },
    { name: "Node Selector", type: "string", cell: () => "<none>" },
    age,
  ],
};
