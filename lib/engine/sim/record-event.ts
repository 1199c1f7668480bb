import type { Sim } from "./create-sim";
import { objectUid } from "./object-uid";
import { numericHash } from "./short-hash";
import type { SimObject } from "./types";

export type EventSpec = {
  involvedObject: { apiVersion: string; kind: string; namespace?: string; name: string; uid: string };
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  source: string;
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
};

/** The newest events a cluster keeps; the real API server expires them after an hour, this keeps a count. */
const eventsKept = 1000;

const apiVersions: Record<string, string> = {
  Deployment: "apps/v1",
  ReplicaSet: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
};

/**
 * Records a Kubernetes Event about `involved`, as a controller or the kubelet would: the same reason and
 * message about the same object again is counted on the one event (as the real event recorder aggregates).
 * Cluster-scoped objects' events live in "default". reconcileCluster expires all but the newest `eventsKept`.
 */
export function recordEvent(
  sim: Sim,
  involved: Pick<SimObject, "kind" | "namespace" | "name" | "createdAt">,
  event: { type: "Normal" | "Warning"; reason: string; message: string; source: string },
): void {
  const uid = objectUid(sim.environmentId, involved);
  const namespace = involved.namespace || "default";
  const key = `${uid}/${event.reason}/${event.message}`;
  const name = `${involved.name}.${numericHash(key).toString(16).padStart(8, "0")}${numericHash(`${key}/2`).toString(16).padStart(8, "0")}`;
  const at = sim.now.toISOString();
  const existing = sim.objects.get<EventSpec>({ kind: "Event", namespace, name });
  const spec: EventSpec = {
    involvedObject: {
      apiVersion: apiVersions[involved.kind] ?? "v1",
      kind: involved.kind,
      ...(involved.namespace ? { namespace: involved.namespace } : {}),
      name: involved.name,
      uid,
    },
    ...event,
    count: (existing?.spec.count ?? 0) + 1,
    firstTimestamp: existing?.spec.firstTimestamp ?? at,
    lastTimestamp: at,
  };
  sim.objects.apply({ kind: "Event", namespace, name, spec, status: {} });
}

export function expireEvents(sim: Sim): void {
  // Runs after every step: counting copies nothing, and the events are listed only when some must go.
  if (sim.objects.count("Event") <= eventsKept) return;
  const events = sim.objects.list<EventSpec>("Event");
  // Oldest first; among events of the same moment, warnings are the last to go.
  const rank = (e: (typeof events)[number]) => `${e.spec.lastTimestamp}/${e.spec.type === "Warning" ? 1 : 0}`;
  events.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  for (const e of events.slice(0, events.length - eventsKept))
    sim.objects.delete({ kind: "Event", namespace: e.namespace, name: e.name });
}
