import { objectUid, type Sim, type SimObject } from "@/lib/engine/sim";
import { podIp } from "../pod-ip";
import { podTemplateOf } from "../pod-template-of";
import type { Json } from "../write/json";
import { age, name, none } from "./columns";
import { asWritten, type KubeKind } from "./kube-kind";
import { metadataOf, time } from "./metadata-of";

/**
 * A pod's node and owner, looked up once per cluster state: every pod of a list shares them, and each get()
 * copies the object (its manifest included). For reads of a state that no longer changes (readSim's).
 */
const lookups = new WeakMap<Sim, Map<string, SimObject | undefined>>();
function lookup(sim: Sim, kind: string, namespace: string, name: string): SimObject | undefined {
  let cache = lookups.get(sim);
  if (!cache) lookups.set(sim, (cache = new Map()));
  const key = `${kind}/${namespace}/${name}`;
  if (!cache.has(key)) cache.set(key, sim.objects.get({ kind, namespace, name }));
  return cache.get(key);
}

export const podKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "pods",
    singularName: "pod",
    kind: "Pod",
    namespaced: true,
    shortNames: ["po"],
    simKind: "Pod",
  },
  toObject: (ctx, r, o) => {
    const s = o.spec as {
      owner: { kind: string; name: string };
      nodeName: string | null;
      image: string;
      labels: Record<string, string>;
    };
    const st = o.status as { phase: string; reason?: string; message?: string };
    const running = st.phase === "Running";
    const node = s.nodeName
      ? (lookup(ctx.sim, "Node", "", s.nodeName) as SimObject<{ internalIp: string }> | undefined)
      : undefined;
    const workload = s.owner.kind === "Node" ? undefined : lookup(ctx.sim, s.owner.kind, o.namespace, s.owner.name);
    // A Deployment's pods belong to its ReplicaSet, named after the pod template (the name's middle part).
    const ownerName = s.owner.kind === "Deployment" ? o.name.slice(0, o.name.lastIndexOf("-")) : s.owner.name;
    const ownerKind = s.owner.kind === "Deployment" ? "ReplicaSet" : s.owner.kind;
    const owner = {
      apiVersion: s.owner.kind === "Node" ? "v1" : "apps/v1",
      kind: ownerKind,
      name: ownerName,
      uid: workload
        ? objectUid(ctx.environmentId, {
            kind: ownerKind,
            namespace: o.namespace,
            name: ownerName,
            createdAt: workload.createdAt,
          })
        : "",
      controller: true,
      blockOwnerDeletion: true,
    };
    const template = workload ? podTemplateOf(workload) : undefined;
    const containers = (template?.containers as Json[] | undefined) ?? [
      { name: o.name.replace(/-[a-z0-9]{4,10}-[a-z0-9]{5}$|-[a-z0-9]{5}$/, ""), image: s.image },
    ];
    const started = time(o.createdAt);
    const labels =
      s.owner.kind === "Deployment"
        ? { ...s.labels, "pod-template-hash": ownerName.slice(s.owner.name.length + 1) }
        : s.labels;
    return {
      metadata: {
        ...metadataOf(ctx, r, o),
        ...(Object.keys(labels).length > 0 ? { labels } : {}),
        ownerReferences: [owner],
      },
      spec: {
        ...(template ?? { restartPolicy: "Always" }),
        containers,
        ...(s.nodeName ? { nodeName: s.nodeName } : {}),
      },
      status: {
        phase: st.phase,
        conditions: [
          {
            type: "PodScheduled",
            status: s.nodeName ? "True" : "False",
            ...(st.reason && !s.nodeName ? { reason: st.reason, message: st.message } : {}),
          },
          { type: "Ready", status: running ? "True" : "False" },
        ],
        ...(node ? { hostIP: node.spec.internalIp } : {}),
        ...(running && s.nodeName ? { podIP: podIp(s.nodeName, o.name), startTime: started } : {}),
        qosClass: "BestEffort",
        containerStatuses: containers.map((c) => ({
          name: c.name,
          image: c.image,
          imageID: "",
          ready: running,
          restartCount: 0,
          started: running,
          state: running
            ? { running: { startedAt: started } }
            : { waiting: { reason: s.nodeName ? "ContainerCreating" : "Pending" } },
        })),
      },
    };
  },
  written: asWritten,
  columns: [
    name,
    {
      name: "Ready",
      type: "string",
      cell: (o) => `${o.status.containerStatuses.filter((c: Json) => c.ready).length}/${o.spec.containers.length}`,
    },
    { name: "Status", type: "string", cell: (o) => o.status.phase },
    { name: "Restarts", type: "string", cell: () => "0" },
    age,
    { name: "IP", type: "string", priority: 1, cell: (o) => none(o.status.podIP) },
    { name: "Node", type: "string", priority: 1, cell: (o) => none(o.spec.nodeName) },
    { name: "Nominated Node", type: "string", priority: 1, cell: () => "<none>" },
    { name: "Readiness Gates", type: "string", priority: 1, cell: () => "<none>" },
  ],
};
