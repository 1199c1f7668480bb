import type { Sim } from "./create-sim";
import type { PodSpec, PodStatus, SimObject } from "./types";

/** Pods of a namespace matching every label of `selector`, or owned by a workload. */
export function findPods(
  sim: Sim,
  query: { namespace: string; selector?: Record<string, string>; owner?: { kind: string; name: string } },
): SimObject<PodSpec, PodStatus>[] {
  return sim.objects.list<PodSpec, PodStatus>("Pod", query.namespace).filter((pod) => {
    if (query.owner && (pod.spec.owner.kind !== query.owner.kind || pod.spec.owner.name !== query.owner.name))
      return false;
    if (query.selector) {
      for (const [k, v] of Object.entries(query.selector)) if (pod.spec.labels[k] !== v) return false;
    }
    return true;
  });
}
