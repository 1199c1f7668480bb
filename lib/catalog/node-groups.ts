import type { NodeGroupId, NodeGroupSpec } from "./types";

/** Node groups named as in the reference package: k8sm (control plane), mbl (API balancer), cp (workers), storage. */
export const nodeGroups: Readonly<Record<NodeGroupId, NodeGroupSpec>> = {
  k8sm: {
    id: "k8sm",
    name: "Control plane",
    role: "control-plane",
    stack: "kubernetes",
    reservedCloudlets: 16,
    cloudletLimit: 32,
    diskGb: 40,
  },
  mbl: {
    id: "mbl",
    name: "API balancer",
    role: "api-balancer",
    stack: "haproxy",
    reservedCloudlets: 2,
    cloudletLimit: 8,
    diskGb: 10,
  },
  cp: {
    id: "cp",
    name: "Workers",
    role: "worker",
    stack: "kubernetes",
    reservedCloudlets: 8,
    cloudletLimit: 32,
    diskGb: 50,
  },
  storage: {
    id: "storage",
    name: "Storage",
    role: "storage",
    stack: "nfs",
    reservedCloudlets: 4,
    cloudletLimit: 8,
    diskGb: 100,
  },
};

/** Display order of node groups in the plan and on the status page. */
export const nodeGroupOrder: readonly NodeGroupId[] = ["mbl", "k8sm", "cp", "storage"];
