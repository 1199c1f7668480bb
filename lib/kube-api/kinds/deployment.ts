import { applyWorkload, shortHash, stableJson } from "@/lib/engine/sim";
import { admitDeploymentSpec } from "../write/admit-deployment";
import { objectAt } from "../write/json";
import { age, name, templateColumns } from "./columns";
import type { KubeKind } from "./kube-kind";
import { workloadObject } from "./workload-object";
import { writtenWorkload } from "./workload-status";

export const deploymentKind: KubeKind = {
  resource: {
    group: "apps",
    version: "v1",
    name: "deployments",
    singularName: "deployment",
    kind: "Deployment",
    namespaced: true,
    shortNames: ["deploy"],
    simKind: "Deployment",
  },
  toObject: workloadObject,
  written: writtenWorkload,
  columns: [
    name,
    { name: "Ready", type: "string", cell: (o) => `${o.status.readyReplicas ?? 0}/${o.spec.replicas}` },
    { name: "Up-to-date", type: "integer", cell: (o) => o.status.updatedReplicas ?? 0 },
    { name: "Available", type: "integer", cell: (o) => o.status.availableReplicas ?? 0 },
    age,
    ...templateColumns,
  ],
  write: {
    admit: ({ body, head, metadata, previousSpec, generation, errors }) => {
      const { spec, facts } = admitDeploymentSpec(objectAt(body.spec), previousSpec, errors);
      return {
        manifest: { ...head, metadata: { ...metadata, generation: generation(spec) }, spec },
        // What the simulation runs: the pods' image, labels, count, requests, and the template's hash (the ReplicaSet's name).
        store: (sim, { name, namespace, manifest }) =>
          applyWorkload(sim, "Deployment", {
            namespace,
            name,
            image: facts.image,
            labels: facts.labels,
            replicas: facts.replicas,
            manifest,
            ...(facts.requests ? { requests: facts.requests } : {}),
            templateHash: shortHash(stableJson(facts.template), 10),
          }),
      };
    },
  },
};
