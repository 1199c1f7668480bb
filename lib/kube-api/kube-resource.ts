/**
 * A resource the simulated clusters' Kubernetes API serves, as discovery lists it. `simKind` is the kind the
 * simulation stores (sim_object.kind) — a derived kind (ReplicaSet, Endpoints) is read from the kind it follows;
 * `writable` kinds accept create, update, patch and delete.
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

export const groupVersion = (r: Pick<KubeResource, "group" | "version">) =>
  r.group === "" ? r.version : `${r.group}/${r.version}`;
