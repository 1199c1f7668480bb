import { allocatableOf, numericHash, type NodeSpec, type SimObject } from "@/lib/engine/sim";
import type { Json } from "../write/json";
import { age, name } from "./columns";
import { asWritten, type KubeKind } from "./kube-kind";
import { metadataOf, time } from "./metadata-of";

export const nodeKind: KubeKind = {
  resource: {
    group: "",
    version: "v1",
    name: "nodes",
    singularName: "node",
    kind: "Node",
    namespaced: false,
    shortNames: ["no"],
    simKind: "Node",
  },
  toObject: (ctx, r, o) => {
    const s = o.spec as {
      role: string;
      hostname: string;
      internalIp: string;
      kubeletVersion: string;
      unschedulable: boolean;
    };
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
    const resources = {
      cpu: `${capacity.cpuMillis}m`,
      memory: `${Math.floor(capacity.memoryBytes / 1024)}Ki`,
      pods: "110",
      "ephemeral-storage": "100Gi",
    };
    return {
      metadata: { ...metadataOf(ctx, r, o), labels },
      spec: {
        podCIDR: `10.244.${numericHash(o.name) % 250}.0/24`,
        ...(s.unschedulable ? { unschedulable: true } : {}),
        ...(s.role === "control-plane"
          ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }
          : {}),
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
  },
  written: asWritten,
  columns: [
    name,
    {
      name: "Status",
      type: "string",
      cell: (o) =>
        `${o.status.conditions.find((c: Json) => c.type === "Ready")?.status === "True" ? "Ready" : "NotReady"}${o.spec.unschedulable ? ",SchedulingDisabled" : ""}`,
    },
    {
      name: "Roles",
      type: "string",
      cell: (o) =>
        Object.keys(o.metadata.labels)
          .filter((l) => l.startsWith("node-role.kubernetes.io/"))
          .map((l) => l.split("/")[1])
          .join(",") || "<none>",
    },
    age,
    { name: "Version", type: "string", cell: (o) => o.status.nodeInfo.kubeletVersion },
    {
      name: "Internal-IP",
      type: "string",
      priority: 1,
      cell: (o) => o.status.addresses.find((a: Json) => a.type === "InternalIP")?.address ?? "<none>",
    },
    { name: "External-IP", type: "string", priority: 1, cell: () => "<none>" },
    { name: "OS-Image", type: "string", priority: 1, cell: (o) => o.status.nodeInfo.osImage },
    { name: "Kernel-Version", type: "string", priority: 1, cell: (o) => o.status.nodeInfo.kernelVersion },
    { name: "Container-Runtime", type: "string", priority: 1, cell: (o) => o.status.nodeInfo.containerRuntimeVersion },
  ],
};
