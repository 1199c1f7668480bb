import { kubeAge } from "../kube-age";
import type { ObjectByPath } from "../write/json";

/** A column `kubectl get` prints (priority 1: only with `-o wide`), computed from the object as served. */
export type Column = {
  name: string;
  type: "string" | "integer";
  priority?: 1;
  cell: (o: ObjectByPath, now: Date) => string | number;
};

export const age: Column = {
  name: "Age",
  type: "string",
  cell: (o, now) => kubeAge(o.metadata.creationTimestamp, now),
};
export const name: Column = { name: "Name", type: "string", cell: (o) => o.metadata.name };
export const none = (v: unknown) => (v === undefined || v === null || v === "" ? "<none>" : String(v));

export function selector(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? "<none>" : entries.map(([k, v]) => `${k}=${v}`).join(",");
}

/** The `-o wide` columns of the kinds that run a pod template (Deployments, ReplicaSets). */
export const templateColumns: Column[] = [
  {
    name: "Containers",
    type: "string",
    priority: 1,
    cell: (o) => o.spec.template.spec.containers.map((c: ObjectByPath) => c.name).join(","),
  },
  {
    name: "Images",
    type: "string",
    priority: 1,
    cell: (o) => o.spec.template.spec.containers.map((c: ObjectByPath) => c.image).join(","),
  },
  { name: "Selector", type: "string", priority: 1, cell: (o) => selector(o.spec.selector.matchLabels) },
];
