/** Catalogue types. The catalogue is data: adding a version, region or plan never needs code elsewhere. */

export type KubernetesVersion = {
  id: string; // full patch version, e.g. "1.37.2"
  minor: string; // "1.37"
  releasedOn: string; // ISO date of the patch release
};

export type Dashboard = { id: string; name: string; version: string; namespace: string; description: string };

export type IngressController = {
  id: string;
  name: string;
  version: string;
  namespace: string;
  /** Step name of the install step, as in the reference package (install-nginx …). */
  installStep: string;
  description: string;
};

export type AddonId = "monitoring" | "tracing" | "remoteApi";

export type Addon = {
  id: AddonId;
  name: string;
  description: string;
  /** Add-ons that keep data need the cluster's NFS storage. */
  requiresStorage: boolean;
  /**
   * The pods the add-on runs on the workers and what each requests (as its Helm values set them): the plan
   * shows their sum and places them on the workers as the scheduler would. Empty for add-ons that run no pods.
   */
  workloads: readonly AddonWorkload[];
};

export type AddonWorkload = { name: string; cpuMillis: number; memoryMiB: number };

export type Region = {
  id: string;
  name: string;
  location: string;
  /** Environments get `<name>.<domain>`. */
  domain: string;
  active: boolean;
  /** Shown beside an inactive region. */
  inactiveReason?: string;
  /** Multiplier applied to the base price. */
  priceFactor: number;
};

/** The reference package's ids, kept as data; code names the groups through `nodeGroups` (lib/catalog/node-groups.ts). */
export type NodeGroupId = "k8sm" | "mbl" | "cp" | "storage";

export type NodeGroupSpec = {
  id: NodeGroupId;
  name: string;
  role: "control-plane" | "api-balancer" | "worker" | "storage";
  /** Software stack the node runs. */
  stack: string;
  /** Cloudlets reserved (and billed) per node. */
  reservedCloudlets: number;
  /** Vertical scaling limit per node; this is what the cloudlets-per-node quota is checked against. */
  cloudletLimit: number;
  diskGb: number;
};

export type TopologyId = "development" | "production";

export type Topology = {
  id: TopologyId;
  name: string;
  summary: string;
  controlPlanes: number;
  apiBalancers: number;
  minWorkers: number;
  storageNodes: number;
};

export type QuotaId = "maxEnvironments" | "maxNodesPerEnvironment" | "maxNodesPerGroup" | "maxCloudletsPerNode";

export type Quotas = Record<QuotaId, number>;

export type AccountPlanId = "trial" | "developer" | "business";

export type AccountPlan = {
  id: AccountPlanId;
  name: string;
  summary: string;
  /** Trial accounts may browse but never install. */
  canInstall: boolean;
  monthlyFee: number;
  quotas: Quotas;
  /**
   * What one cluster may hold of the user's own workloads and objects (its ResourceQuota): pods are 110 per
   * worker (kubelet's max-pods) up to `maxPods`; objects are counted whatever their kind (docs/plan.md).
   */
  clusterQuota: { maxPods: number; objects: number };
};

export type Pricing = {
  currency: "USD";
  cloudletHour: number;
  diskGbHour: number;
  hoursPerMonth: number;
};

export type Category = { id: string; name: string; description: string };

export type AppPackage = {
  id: string;
  name: string;
  categoryId: string;
  shortDescription: string;
  description: string;
  /** Path of the icon under /public. */
  icon: string;
};
