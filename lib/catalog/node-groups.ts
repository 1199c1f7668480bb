import type { NodeGroupId, NodeGroupSpec } from "./types";

/**
 * The node groups, keyed by what they are. Their ids are the reference package's and are data (plans, node ids
 * such as "cp-1", API output, database rows): k8sm is the control plane, mbl the API balancers, cp the workers.
 * Code names a group by its key here (`nodeGroups.workers.id`), never by the id, which reads as something else
 * to a Kubernetes engineer.
 */
export const nodeGroups = {
  controlPlane: {
    id: "k8sm",
    name: "Control plane",
    role: "control-plane",
    stack: "kubernetes",
    reservedCloudlets: 16,
    cloudletLimit: 32,
    diskGb: 40,
  },
  balancers: {
    id: "mbl",
    name: "API balancer",
    role: "api-balancer",
    stack: "haproxy",
    reservedCloudlets: 2,
    cloudletLimit: 8,
    diskGb: 10,
  },
  workers: {
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
} as const satisfies Readonly<Record<string, NodeGroupSpec>>;

/** The same groups by id, for code that holds an id taken from a plan or a machine. */
export const nodeGroupById: Readonly<Record<NodeGroupId, NodeGroupSpec>> = {
  [nodeGroups.controlPlane.id]: nodeGroups.controlPlane,
  [nodeGroups.balancers.id]: nodeGroups.balancers,
  [nodeGroups.workers.id]: nodeGroups.workers,
  [nodeGroups.storage.id]: nodeGroups.storage,
};

/** Display order of node groups in the plan and on the status page. */
export const nodeGroupOrder: readonly NodeGroupId[] = [
  nodeGroups.balancers.id,
  nodeGroups.controlPlane.id,
  nodeGroups.workers.id,
  nodeGroups.storage.id,
];
