import { objectUid, type EventSpec } from "@/lib/engine/sim";
import { kubeAge } from "../kube-age";
import type { KubeKind } from "./kube-kind";
import { time, versionOf } from "./metadata-of";

/** A recorded Event, as core/v1 serves it (the cluster records them; never written through the API). */
export const eventKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "events",
    singularName: "event",
    kind: "Event",
    namespaced: true,
    shortNames: ["ev"],
    simKind: "Event",
  },
  toObject: (ctx, _r, event) => {
    const e = event.spec as EventSpec;
    return {
      metadata: {
        name: event.name,
        namespace: event.namespace,
        uid: objectUid(ctx.environmentId, event),
        resourceVersion: versionOf(event),
        creationTimestamp: time(event.createdAt),
      },
      involvedObject: e.involvedObject,
      reason: e.reason,
      message: e.message,
      source: { component: e.source },
      firstTimestamp: time(e.firstTimestamp),
      lastTimestamp: time(e.lastTimestamp),
      count: e.count,
      type: e.type,
      eventTime: null,
      reportingComponent: e.source,
      reportingInstance: "",
    };
  },
  columns: [
    { name: "Last Seen", type: "string", cell: (o, now) => kubeAge(o.lastTimestamp, now) },
    { name: "Type", type: "string", cell: (o) => o.type },
    { name: "Reason", type: "string", cell: (o) => o.reason },
    {
      name: "Object",
      type: "string",
      cell: (o) => `${String(o.involvedObject.kind).toLowerCase()}/${o.involvedObject.name}`,
    },
    { name: "Subobject", type: "string", priority: 1, cell: () => "" },
    { name: "Source", type: "string", priority: 1, cell: (o) => o.source.component },
    { name: "Message", type: "string", cell: (o) => o.message },
    { name: "First Seen", type: "string", priority: 1, cell: (o, now) => kubeAge(o.firstTimestamp, now) },
    { name: "Count", type: "integer", priority: 1, cell: (o) => o.count },
    { name: "Name", type: "string", priority: 1, cell: (o) => o.metadata.name },
  ],
};
