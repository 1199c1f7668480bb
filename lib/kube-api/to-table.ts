import { kubeAge } from "./kube-age";
import type { KubeResource } from "./resources";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Kubernetes objects are read by path
type Column = { name: string; type: "string" | "integer"; priority?: 1; cell: (o: Json, now: Date) => string | number };

const age: Column = { name: "Age", type: "string", cell: (o, now) => kubeAge(o.metadata.creationTimestamp, now) };
const name: Column = { name: "Name", type: "string", cell: (o) => o.metadata.name };
const none = (v: unknown) => (v === undefined || v === null || v === "" ? "<none>" : String(v));

/** The columns `kubectl get` prints per resource (priority 1: only with `-o wide`), as the API server defines them. */
const columns: Record<string, Column[]> = {
  nodes: [
    name,
    {
      name: "Status",
      type: "string",
      cell: (o) => `${o.status.conditions.find((c: Json) => c.type === "Ready")?.status === "True" ? "Ready" : "NotReady"}${o.spec.unschedulable ? ",SchedulingDisabled" : ""}`,
    },
    {
      name: "Roles",
      type: "string",
      cell: (o) => Object.keys(o.metadata.labels).filter((l) => l.startsWith("node-role.kubernetes.io/")).map((l) => l.split("/")[1]).join(",") || "<none>",
    },
    age,
    { name: "Version", type: "string", cell: (o) => o.status.nodeInfo.kubeletVersion },
    { name: "Internal-IP", type: "string", priority: 1, cell: (o) => o.status.addresses.find((a: Json) => a.type === "InternalIP")?.address ?? "<none>" },
    { name: "External-IP", type: "string", priority: 1, cell: () => "<none>" },
    { name: "OS-Image", type: "string", priority: 1, cell: (o) => o.status.nodeInfo.osImage },
    { name: "Kernel-Version", type: "string", priority: 1, cell: (o) => o.status.nodeInfo.kernelVersion },
    { name: "Container-Runtime", type: "string", priority: 1, cell: (o) => o.status.nodeInfo.containerRuntimeVersion },
  ],
  pods: [
    name,
    { name: "Ready", type: "string", cell: (o) => `${o.status.containerStatuses.filter((c: Json) => c.ready).length}/${o.spec.containers.length}` },
    { name: "Status", type: "string", cell: (o) => o.status.phase },
    { name: "Restarts", type: "string", cell: () => "0" },
    age,
    { name: "IP", type: "string", priority: 1, cell: (o) => none(o.status.podIP) },
    { name: "Node", type: "string", priority: 1, cell: (o) => none(o.spec.nodeName) },
    { name: "Nominated Node", type: "string", priority: 1, cell: () => "<none>" },
    { name: "Readiness Gates", type: "string", priority: 1, cell: () => "<none>" },
  ],
  deployments: [
    name,
    { name: "Ready", type: "string", cell: (o) => `${o.status.readyReplicas ?? 0}/${o.spec.replicas}` },
    { name: "Up-to-date", type: "integer", cell: (o) => o.status.updatedReplicas ?? 0 },
    { name: "Available", type: "integer", cell: (o) => o.status.availableReplicas ?? 0 },
    age,
    { name: "Containers", type: "string", priority: 1, cell: (o) => o.spec.template.spec.containers.map((c: Json) => c.name).join(",") },
    { name: "Images", type: "string", priority: 1, cell: (o) => o.spec.template.spec.containers.map((c: Json) => c.image).join(",") },
    { name: "Selector", type: "string", priority: 1, cell: (o) => selector(o.spec.selector.matchLabels) },
  ],
  replicasets: [
    name,
    { name: "Desired", type: "integer", cell: (o) => o.spec.replicas ?? 0 },
    { name: "Current", type: "integer", cell: (o) => o.status.replicas ?? 0 },
    { name: "Ready", type: "integer", cell: (o) => o.status.readyReplicas ?? 0 },
    age,
    { name: "Containers", type: "string", priority: 1, cell: (o) => o.spec.template.spec.containers.map((c: Json) => c.name).join(",") },
    { name: "Images", type: "string", priority: 1, cell: (o) => o.spec.template.spec.containers.map((c: Json) => c.image).join(",") },
    { name: "Selector", type: "string", priority: 1, cell: (o) => selector(o.spec.selector.matchLabels) },
  ],
  endpoints: [name, { name: "Endpoints", type: "string", cell: (o) => endpoints(o) }, age],
  events: [
    { name: "Last Seen", type: "string", cell: (o, now) => kubeAge(o.lastTimestamp, now) },
    { name: "Type", type: "string", cell: (o) => o.type },
    { name: "Reason", type: "string", cell: (o) => o.reason },
    { name: "Object", type: "string", cell: (o) => `${String(o.involvedObject.kind).toLowerCase()}/${o.involvedObject.name}` },
    { name: "Subobject", type: "string", priority: 1, cell: () => "" },
    { name: "Source", type: "string", priority: 1, cell: (o) => o.source.component },
    { name: "Message", type: "string", cell: (o) => o.message },
    { name: "First Seen", type: "string", priority: 1, cell: (o, now) => kubeAge(o.firstTimestamp, now) },
    { name: "Count", type: "integer", priority: 1, cell: (o) => o.count },
    { name: "Name", type: "string", priority: 1, cell: (o) => o.metadata.name },
  ],
  statefulsets: [name, { name: "Ready", type: "string", cell: (o) => `${o.status.readyReplicas ?? 0}/${o.spec.replicas}` }, age],
  daemonsets: [
    name,
    { name: "Desired", type: "integer", cell: (o) => o.status.desiredNumberScheduled },
    { name: "Current", type: "integer", cell: (o) => o.status.currentNumberScheduled },
    { name: "Ready", type: "integer", cell: (o) => o.status.numberReady },
    { name: "Up-to-date", type: "integer", cell: (o) => o.status.updatedNumberScheduled },
    { name: "Available", type: "integer", cell: (o) => o.status.numberAvailable },
    { name: "Node Selector", type: "string", cell: () => "<none>" },
    age,
  ],
  services: [
    name,
    { name: "Type", type: "string", cell: (o) => o.spec.type },
    { name: "Cluster-IP", type: "string", cell: (o) => none(o.spec.clusterIP) },
    { name: "External-IP", type: "string", cell: () => "<none>" },
    { name: "Port(s)", type: "string", cell: (o) => o.spec.ports.map((p: Json) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol}`).join(",") || "<none>" },
    age,
    { name: "Selector", type: "string", priority: 1, cell: (o) => selector(o.spec.selector) },
  ],
  namespaces: [name, { name: "Status", type: "string", cell: (o) => o.status.phase }, age],
  configmaps: [name, { name: "Data", type: "integer", cell: (o) => Object.keys(o.data ?? {}).length }, age],
  secrets: [name, { name: "Type", type: "string", cell: (o) => o.type }, { name: "Data", type: "integer", cell: (o) => Object.keys(o.data ?? {}).length }, age],
  ingresses: [
    name,
    { name: "Class", type: "string", cell: (o) => none(o.spec.ingressClassName) },
    { name: "Hosts", type: "string", cell: (o) => o.spec.rules.map((r: Json) => r.host ?? "*").join(",") },
    { name: "Address", type: "string", cell: (o) => o.status.loadBalancer.ingress?.map((i: Json) => i.hostname ?? i.ip).join(",") ?? "" },
    { name: "Ports", type: "string", cell: (o) => (o.spec.tls ? "80, 443" : "80") },
    age,
  ],
  storageclasses: [
    { name: "Name", type: "string", cell: (o) => `${o.metadata.name}${o.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true" ? " (default)" : ""}` },
    { name: "Provisioner", type: "string", cell: (o) => o.provisioner },
    { name: "ReclaimPolicy", type: "string", cell: (o) => o.reclaimPolicy },
    { name: "VolumeBindingMode", type: "string", cell: (o) => o.volumeBindingMode },
    { name: "AllowVolumeExpansion", type: "string", cell: (o) => String(o.allowVolumeExpansion) },
    age,
  ],
  resourcequotas: [
    name,
    age,
    { name: "Request", type: "string", cell: (o) => quotaCell(o, false) },
    { name: "Limit", type: "string", cell: (o) => quotaCell(o, true) },
  ],
  persistentvolumeclaims: [
    name,
    { name: "Status", type: "string", cell: (o) => o.status.phase },
    { name: "Volume", type: "string", cell: (o) => o.spec.volumeName ?? "" },
    { name: "Capacity", type: "string", cell: (o) => o.status.capacity?.storage ?? "" },
    { name: "Access Modes", type: "string", cell: (o) => (o.spec.accessModes ?? []).map((m: string) => (m === "ReadWriteOnce" ? "RWO" : m === "ReadWriteMany" ? "RWX" : m)).join(",") },
    { name: "StorageClass", type: "string", cell: (o) => o.spec.storageClassName ?? "" },
    age,
  ],
};

/** "10.239.1.5:80,10.239.2.7:80 + 2 more...", as the real table abbreviates. */
function endpoints(o: Json): string {
  const all: string[] = [];
  for (const subset of o.subsets ?? []) for (const a of subset.addresses ?? []) for (const p of subset.ports ?? []) all.push(`${a.ip}:${p.port}`);
  if (all.length === 0) return "<none>";
  return all.length > 3 ? `${all.slice(0, 3).join(",")} + ${all.length - 3} more...` : all.join(",");
}

/** "count/objects: 40/2000, pods: 12/330": used/hard per resource, the `limits.` ones in their own column. */
function quotaCell(o: Json, limits: boolean): string {
  const hard: Record<string, string> = o.status?.hard ?? {};
  const used: Record<string, string> = o.status?.used ?? {};
  return Object.keys(hard)
    .filter((k) => k.startsWith("limits.") === limits)
    .sort()
    .map((k) => `${k}: ${used[k] ?? "0"}/${hard[k]}`)
    .join(", ");
}

function selector(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length === 0 ? "<none>" : entries.map(([k, v]) => `${k}=${v}`).join(",");
}

/** A server-side Table (meta.k8s.io/v1) of objects: what `kubectl get` asks for and prints as is. */
export function toTable(r: KubeResource, objects: readonly Json[], resourceVersion: string, now: Date): Json {
  const cols = columns[r.name] ?? [name, age];
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: { resourceVersion },
    columnDefinitions: cols.map((c) => ({ name: c.name, type: c.type, format: c.name === "Name" ? "name" : "", description: c.name, priority: c.priority ?? 0 })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o, now)),
      object: { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: o.metadata },
    })),
  };
}
