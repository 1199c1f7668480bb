import { allocatableOf, numericHash, objectUid, quotaResources, type ClusterQuotaSpec, type ClusterQuotaStatus, type NodeSpec, type Sim, type SimObject } from "@/lib/engine/sim";
import type { EnvironmentPlan } from "@/lib/plan";
import { endpointsOf, eventOf, replicaSetOf } from "./derived-objects";
import { fromManifest, podTemplateOf } from "./from-manifest";
import { groupVersion, type KubeResource } from "./resources";

type Json = Record<string, unknown>;

export type KubeContext = { environmentId: string; plan: EnvironmentPlan; sim: Sim; encryptionKey: string };

/** Kubernetes prints times to the second, in UTC. */
export const time = (iso: string) => `${iso.slice(0, 19)}Z`;

/** An object's resourceVersion: when it last changed, in milliseconds. */
export const versionOf = (o: Pick<SimObject, "updatedAt">) => String(Date.parse(o.updatedAt));

export function metadataOf(ctx: KubeContext, r: KubeResource, o: SimObject, extra: Json = {}): Json {
  const spec = o.spec as { labels?: Record<string, string> };
  return {
    name: o.name,
    ...(r.namespaced ? { namespace: o.namespace } : {}),
    uid: objectUid(ctx.environmentId, o),
    resourceVersion: versionOf(o),
    creationTimestamp: time(o.createdAt),
    ...(spec.labels && Object.keys(spec.labels).length > 0 ? { labels: spec.labels } : {}),
    ...extra,
  };
}

/** A simulated object as the real API returns it: apiVersion, kind, metadata, spec, status. */
export function toKubeObject(ctx: KubeContext, r: KubeResource, o: SimObject): Json {
  const head = { apiVersion: groupVersion(r), kind: r.kind };
  const s = o.spec as Json;
  const st = o.status as Json;
  if (r.kind === "ReplicaSet") return { ...head, ...replicaSetOf(ctx, r, o) };
  if (r.kind === "Endpoints") return { ...head, ...endpointsOf(ctx, r, o) };
  if (r.kind === "Event") return { ...head, ...eventOf(ctx, r, o) };
  if (typeof s.manifest === "object" && s.manifest !== null && r.simKind === o.kind) return fromManifest(ctx, r, o);
  switch (r.kind) {
    case "Node":
      return { ...head, ...node(ctx, r, o) };
    case "Pod":
      return { ...head, ...pod(ctx, r, o) };
    case "Namespace":
      return { ...head, metadata: metadataOf(ctx, r, o), spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } };
    case "Service": {
      const ports = (s.ports as { name?: string; port: number; targetPort?: number; nodePort?: number }[]) ?? [];
      return {
        ...head,
        metadata: metadataOf(ctx, r, o),
        spec: {
          type: s.type,
          clusterIP: s.clusterIP,
          clusterIPs: [s.clusterIP],
          selector: s.selector,
          ports: ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), protocol: "TCP", port: p.port, targetPort: p.targetPort ?? p.port, ...(p.nodePort ? { nodePort: p.nodePort } : {}) })),
        },
        status: { loadBalancer: {} },
      };
    }
    case "ConfigMap":
      return { ...head, metadata: metadataOf(ctx, r, o), data: stringValues((s.data as Json | undefined) ?? {}) };
    case "Secret": {
      const keys = (s.keys as string[] | undefined) ?? [];
      // The simulation keeps no secret values: the keys are listed, their values left empty.
      return { ...head, metadata: metadataOf(ctx, r, o), type: s.type ?? "Opaque", data: Object.fromEntries(keys.map((k) => [k, ""])) };
    }
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
      return { ...head, ...workload(ctx, r, o) };
    case "Ingress": {
      const paths = (s.paths as { path: string; service: string; port: number }[]) ?? [];
      return {
        ...head,
        metadata: metadataOf(ctx, r, o, s.annotations ? { annotations: s.annotations } : {}),
        spec: {
          ingressClassName: s.ingressClassName,
          rules: [
            {
              ...(s.host ? { host: s.host } : {}),
              http: { paths: paths.map((p) => ({ path: p.path, pathType: "Prefix", backend: { service: { name: p.service, port: { number: p.port } } } })) },
            },
          ],
          ...(s.tlsSecretName ? { tls: [{ hosts: [s.host], secretName: s.tlsSecretName }] } : {}),
        },
        status: { loadBalancer: { ingress: [{ hostname: ctx.plan.domain }] } },
      };
    }
    case "StorageClass":
      return {
        ...head,
        metadata: metadataOf(ctx, r, o, s.isDefault ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } : {}),
        provisioner: s.provisioner,
        parameters: s.parameters,
        reclaimPolicy: s.reclaimPolicy,
        allowVolumeExpansion: s.allowVolumeExpansion,
        volumeBindingMode: "Immediate",
      };
    case "ResourceQuota": {
      // Quantities are strings; the simulation keeps the numbers under short names (cluster-quota.ts).
      const q = (v: { pods: number; objects: number } | undefined) => ({ [quotaResources.objects]: String(v?.objects ?? 0), [quotaResources.pods]: String(v?.pods ?? 0) });
      const hard = q((s as ClusterQuotaSpec).hard);
      return { ...head, metadata: metadataOf(ctx, r, o), spec: { hard }, status: { hard, used: q((st as ClusterQuotaStatus).used) } };
    }
    case "PersistentVolumeClaim":
      return {
        ...head,
        metadata: metadataOf(ctx, r, o),
        spec: {
          accessModes: s.accessModes,
          resources: { requests: { storage: s.size } },
          ...(st.storageClassName ?? s.storageClassName ? { storageClassName: st.storageClassName ?? s.storageClassName } : {}),
          ...(st.volumeName ? { volumeName: st.volumeName } : {}),
          volumeMode: "Filesystem",
        },
        status: st.phase === "Bound" ? { phase: "Bound", accessModes: s.accessModes, capacity: { storage: s.size } } : { phase: "Pending" },
      };
    default:
      return { ...head, metadata: metadataOf(ctx, r, o), spec: s, status: st };
  }
}

function stringValues(data: Json): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

function node(ctx: KubeContext, r: KubeResource, o: SimObject): Json {
  const s = o.spec as { role: string; hostname: string; internalIp: string; kubeletVersion: string; unschedulable: boolean };
  const st = o.status as { ready: boolean; reason: string };
  const capacity = allocatableOf(o as SimObject<NodeSpec>);
  const [reason, ...message] = st.reason.split(": ");
  const labels = {
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": o.name,
    "kubernetes.io/os": "linux",
    [`node-role.kubernetes.io/${s.role}`]: "",
    "topology.kubernetes.io/region": ctx.plan.region,
  };
  const resources = { cpu: `${capacity.cpuMillis}m`, memory: `${Math.floor(capacity.memoryBytes / 1024)}Ki`, pods: "110", "ephemeral-storage": "100Gi" };
  return {
    metadata: { ...metadataOf(ctx, r, o), labels },
    spec: {
      podCIDR: `10.244.${numericHash(o.name) % 250}.0/24`,
      ...(s.unschedulable ? { unschedulable: true } : {}),
      ...(s.role === "control-plane" ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {}),
    },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        {
          type: "Ready",
          status: st.ready ? "True" : "False",
          reason: reason ?? "",
          message: message.join(": ") || reason || "",
          lastHeartbeatTime: time(o.updatedAt),
          lastTransitionTime: time(o.updatedAt),
        },
      ],
      addresses: [
        { type: "InternalIP", address: s.internalIp },
        { type: "Hostname", address: s.hostname },
      ],
      nodeInfo: {
        kubeletVersion: s.kubeletVersion,
        kubeProxyVersion: s.kubeletVersion,
        containerRuntimeVersion: "containerd://2.1.4",
        osImage: "AlmaLinux 9.6 (Sage Margay)",
        kernelVersion: "5.14.0-570.el9.x86_64",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

/**
 * A pod's node and owner, looked up once per cluster state: every pod of a list shares them, and each get()
 * copies the object (its manifest included). For reads of a state that no longer changes (readSimShared's).
 */
const lookups = new WeakMap<Sim, Map<string, SimObject | undefined>>();
function lookup(sim: Sim, kind: string, namespace: string, name: string): SimObject | undefined {
  let cache = lookups.get(sim);
  if (!cache) lookups.set(sim, (cache = new Map()));
  const key = `${kind}/${namespace}/${name}`;
  if (!cache.has(key)) cache.set(key, sim.objects.get({ kind, namespace, name }));
  return cache.get(key);
}

function pod(ctx: KubeContext, r: KubeResource, o: SimObject): Json {
  const s = o.spec as { owner: { kind: string; name: string }; nodeName: string | null; image: string; labels: Record<string, string> };
  const st = o.status as { phase: string; reason?: string; message?: string };
  const running = st.phase === "Running";
  const node = s.nodeName ? (lookup(ctx.sim, "Node", "", s.nodeName) as SimObject<{ internalIp: string }> | undefined) : undefined;
  const workload = s.owner.kind === "Node" ? undefined : lookup(ctx.sim, s.owner.kind, o.namespace, s.owner.name);
  // A Deployment's pods belong to its ReplicaSet, named after the pod template (the name's middle part).
  const ownerName = s.owner.kind === "Deployment" ? o.name.slice(0, o.name.lastIndexOf("-")) : s.owner.name;
  const ownerKind = s.owner.kind === "Deployment" ? "ReplicaSet" : s.owner.kind;
  const owner = {
    apiVersion: s.owner.kind === "Node" ? "v1" : "apps/v1",
    kind: ownerKind,
    name: ownerName,
    uid: workload ? objectUid(ctx.environmentId, { kind: ownerKind, namespace: o.namespace, name: ownerName, createdAt: workload.createdAt }) : "",
    controller: true,
    blockOwnerDeletion: true,
  };
  const template = workload ? podTemplateOf(workload) : undefined;
  const containers = (template?.containers as Json[] | undefined) ?? [{ name: o.name.replace(/-[a-z0-9]{4,10}-[a-z0-9]{5}$|-[a-z0-9]{5}$/, ""), image: s.image }];
  const started = time(o.createdAt);
  const labels = s.owner.kind === "Deployment" ? { ...s.labels, "pod-template-hash": ownerName.slice(s.owner.name.length + 1) } : s.labels;
  return {
    metadata: { ...metadataOf(ctx, r, o), ...(Object.keys(labels).length > 0 ? { labels } : {}), ownerReferences: [owner] },
    spec: {
      ...(template ?? { restartPolicy: "Always" }),
      containers,
      ...(s.nodeName ? { nodeName: s.nodeName } : {}),
    },
    status: {
      phase: st.phase,
      conditions: [
        { type: "PodScheduled", status: s.nodeName ? "True" : "False", ...(st.reason && !s.nodeName ? { reason: st.reason, message: st.message } : {}) },
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
        state: running ? { running: { startedAt: started } } : { waiting: { reason: s.nodeName ? "ContainerCreating" : "Pending" } },
      })),
    },
  };
}

export const podIp = (nodeName: string, podName: string) => `10.239.${numericHash(nodeName) % 250}.${(numericHash(podName) % 250) + 2}`;

function workload(ctx: KubeContext, r: KubeResource, o: SimObject): Json {
  const s = o.spec as { image: string; labels: Record<string, string>; replicas?: number };
  const st = o.status as { desired?: number; ready?: number };
  const desired = st.desired ?? s.replicas ?? 0;
  const ready = st.ready ?? 0;
  const selector = Object.keys(s.labels ?? {}).length > 0 ? s.labels : { app: o.name };
  const template = { metadata: { labels: selector }, spec: { containers: [{ name: o.name, image: s.image }] } };
  const metadata = metadataOf(ctx, r, o, { generation: 1 });
  if (r.kind === "DaemonSet") {
    return {
      metadata,
      spec: { selector: { matchLabels: selector }, template },
      status: { desiredNumberScheduled: desired, currentNumberScheduled: desired, numberReady: ready, updatedNumberScheduled: desired, numberAvailable: ready, numberMisscheduled: 0, observedGeneration: 1 },
    };
  }
  return {
    metadata,
    spec: { replicas: s.replicas ?? desired, selector: { matchLabels: selector }, template },
    status: { replicas: desired, readyReplicas: ready, availableReplicas: ready, updatedReplicas: desired, ...(r.kind === "StatefulSet" ? { currentReplicas: desired } : {}), observedGeneration: 1 },
  };
}
