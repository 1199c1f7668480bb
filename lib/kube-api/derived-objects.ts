import { findPods, objectUid, replicaSetName, type EventSpec, type ServiceSpec, type SimObject, type WorkloadSpec } from "@/lib/engine/sim";
import { podTemplateOf, workloadStatus } from "./from-manifest";
import type { KubeResource } from "./resources";
import { podIp, type KubeContext } from "./to-kube-object";

type Json = Record<string, unknown>;

const time = (iso: string) => `${iso.slice(0, 19)}Z`;
const latest = (times: string[]) => times.reduce((a, b) => (a > b ? a : b));

/**
 * A Deployment's current ReplicaSet (the simulation keeps no history: the one for the pod template in use),
 * owned by the Deployment — `kubectl describe deployment` finds it by that owner reference.
 */
export function replicaSetOf(ctx: KubeContext, r: KubeResource, deployment: SimObject): Json {
  const spec = deployment.spec as WorkloadSpec;
  const name = replicaSetName(deployment as SimObject<WorkloadSpec>);
  const hash = name.slice(deployment.name.length + 1);
  const labels = { ...spec.labels, "pod-template-hash": hash };
  const template = podTemplateOf(deployment) ?? { containers: [{ name: deployment.name, image: spec.image }] };
  const status = workloadStatus({ ...r, kind: "ReplicaSet" }, deployment, 1);
  return {
    metadata: {
      name,
      namespace: deployment.namespace,
      uid: objectUid(ctx.environmentId, { kind: "ReplicaSet", namespace: deployment.namespace, name, createdAt: deployment.createdAt }),
      resourceVersion: String(Date.parse(deployment.updatedAt)),
      creationTimestamp: time(deployment.createdAt),
      labels,
      annotations: { "deployment.kubernetes.io/desired-replicas": String(spec.replicas ?? 1), "deployment.kubernetes.io/revision": "1" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: deployment.name, uid: objectUid(ctx.environmentId, deployment), controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas: spec.replicas ?? 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: template } },
    status: {
      replicas: status.replicas,
      readyReplicas: status.readyReplicas,
      availableReplicas: status.availableReplicas,
      fullyLabeledReplicas: status.replicas,
      observedGeneration: 1,
      ...(status.conditions ? { conditions: status.conditions } : {}),
    },
  };
}

/** A Service's Endpoints: the addresses of the Running pods it selects (NotReady ones apart), on its target ports. */
export function endpointsOf(ctx: KubeContext, r: KubeResource, service: SimObject): Json {
  const spec = service.spec as ServiceSpec;
  const selected = Object.keys(spec.selector ?? {}).length > 0 ? findPods(ctx.sim, { namespace: service.namespace, selector: spec.selector }) : [];
  const address = (p: (typeof selected)[number]) => ({
    ip: p.spec.nodeName ? podIp(p.spec.nodeName, p.name) : "",
    ...(p.spec.nodeName ? { nodeName: p.spec.nodeName } : {}),
    targetRef: { kind: "Pod", namespace: p.namespace, name: p.name, uid: objectUid(ctx.environmentId, p) },
  });
  const ready = selected.filter((p) => p.status.phase === "Running" && p.spec.nodeName);
  const notReady = selected.filter((p) => !ready.includes(p) && p.spec.nodeName);
  const ports = (spec.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.targetPort ?? p.port, protocol: "TCP" }));
  return {
    metadata: {
      name: service.name,
      namespace: service.namespace,
      uid: objectUid(ctx.environmentId, { ...service, kind: "Endpoints" }),
      resourceVersion: String(Date.parse(latest([service.updatedAt, ...selected.map((p) => p.updatedAt)]))),
      creationTimestamp: time(service.createdAt),
      ...(spec.manifest ? {} : { labels: { "app.kubernetes.io/managed-by": "clusterport" } }),
    },
    subsets:
      ready.length + notReady.length > 0 && ports.length > 0
        ? [{ ...(ready.length > 0 ? { addresses: ready.map(address) } : {}), ...(notReady.length > 0 ? { notReadyAddresses: notReady.map(address) } : {}), ports }]
        : [],
  };
}

/** A recorded Event, as core/v1 serves it. */
export function eventOf(ctx: KubeContext, r: KubeResource, event: SimObject): Json {
  const e = event.spec as EventSpec;
  return {
    metadata: { name: event.name, namespace: event.namespace, uid: objectUid(ctx.environmentId, event), resourceVersion: String(Date.parse(event.updatedAt)), creationTimestamp: time(event.createdAt) },
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
}
