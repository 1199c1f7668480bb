import { kindOf } from "./kinds";
import type { KubeResource } from "./kube-resource";
import type { Json } from "./write/json";

/** A server-side Table (meta.k8s.io/v1) of objects: what `kubectl get` asks for and prints as is, in its kind's columns. */
export function toTable(r: KubeResource, objects: readonly Json[], resourceVersion: string, now: Date): Json {
  const cols = kindOf(r).columns;
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: { resourceVersion },
    columnDefinitions: cols.map((c) => ({
      name: c.name,
      type: c.type,
      format: c.name === "Name" ? "name" : "",
      description: c.name,
      priority: c.priority ?? 0,
    })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o, now)),
      object: { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata },
    })),
  };
}
