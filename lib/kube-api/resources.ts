/**
 * The resources the simulated clusters' Kubernetes API serves, as discovery lists them. `simKind` is the kind
 * the simulation stores (sim_object.kind) — a derived kind (ReplicaSet, Endpoints) is read from the kind it
 * follows; `writable` kinds accept create, update, patch and delete.
 */
export type KubeResource = {
  group: string;
  version: string;
  /** Plural, lower case: the URL segment. */
  name: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  simKind: string;
  writable: boolean;
};

const core = (name: string, singularName: string, kind: string, namespaced: boolean, shortNames: string[], writable = false): KubeResource => ({
  group: "",
  version: "v1",
  name,
  singularName,
  kind,
  namespaced,
  shortNames,
  simKind: kind,
  writable,
});

export const kubeResources: readonly KubeResource[] = [
  core("namespaces", "namespace", "Namespace", false, ["ns"], true),
  core("nodes", "node", "Node", false, ["no"]),
  core("pods", "pod", "Pod", true, ["po"]),
  core("services", "service", "Service", true, ["svc"], true),
  core("configmaps", "configmap", "ConfigMap", true, ["cm"], true),
  core("secrets", "secret", "Secret", true, [], true),
  core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, ["pvc"]),
  core("resourcequotas", "resourcequota", "ResourceQuota", true, ["quota"]),
  { ...core("endpoints", "endpoints", "Endpoints", true, ["ep"]), simKind: "Service" },
  { ...core("events", "event", "Event", true, ["ev"]), simKind: "Event" },
  { group: "apps", version: "v1", name: "deployments", singularName: "deployment", kind: "Deployment", namespaced: true, shortNames: ["deploy"], simKind: "Deployment", writable: true },
  { group: "apps", version: "v1", name: "replicasets", singularName: "replicaset", kind: "ReplicaSet", namespaced: true, shortNames: ["rs"], simKind: "Deployment", writable: false },
  { group: "apps", version: "v1", name: "statefulsets", singularName: "statefulset", kind: "StatefulSet", namespaced: true, shortNames: ["sts"], simKind: "StatefulSet", writable: false },
  { group: "apps", version: "v1", name: "daemonsets", singularName: "daemonset", kind: "DaemonSet", namespaced: true, shortNames: ["ds"], simKind: "DaemonSet", writable: false },
  { group: "networking.k8s.io", version: "v1", name: "ingresses", singularName: "ingress", kind: "Ingress", namespaced: true, shortNames: ["ing"], simKind: "Ingress", writable: true },
  { group: "storage.k8s.io", version: "v1", name: "storageclasses", singularName: "storageclass", kind: "StorageClass", namespaced: false, shortNames: ["sc"], simKind: "StorageClass", writable: false },
];

export const groupVersion = (r: Pick<KubeResource, "group" | "version">) => (r.group === "" ? r.version : `${r.group}/${r.version}`);

export function findResource(group: string, version: string, name: string): KubeResource | undefined {
  return kubeResources.find((r) => r.group === group && r.version === version && r.name === name);
}
