import type { AccountPlan, AddonId, NodeGroupId, QuotaId, TopologyId } from "@/lib/catalog";

/** One machine of the environment; its id doubles as the per-node suffix of step keys. */
export type PlanNode = {
  /** `${group}-${index}`, e.g. "k8sm-1", "cp-2", "mbl-1", "storage-3". */
  id: string;
  group: NodeGroupId;
  /** 1-based, as the reference package numbers its nodes. */
  index: number;
  /** `${id}.${name}.${regionDomain}`, e.g. "k8sm-1.demo.fra.clusterport.cloud". */
  hostname: string;
};

export type PlanNodeGroup = {
  id: NodeGroupId;
  name: string;
  role: "control-plane" | "api-balancer" | "worker" | "storage";
  stack: string;
  count: number;
  /** Only workers scale after install; the control plane is fixed, as in the reference package. */
  scalable: boolean;
  reservedCloudlets: number;
  cloudletLimit: number;
  /** Per node: reserved cloudlets × 128. */
  ramMiB: number;
  /** Per node: reserved cloudlets × 400. */
  cpuMHz: number;
  /** Per node. */
  diskGb: number;
  nodes: PlanNode[];
  note?: string;
};

export type StageId =
  "prepare" | "control-plane" | "workers" | "network" | "storage" | "components" | "workloads" | "addons" | "health";

export type PlanStep = {
  /** Unique within a plan: the step name, plus `:<node id>` when the step is fanned out per node. */
  key: string;
  /** One of `stepNames`, e.g. "connect-worker". */
  name: string;
  /** A sentence for people, e.g. "Join worker cp-2". */
  title: string;
  stage: StageId;
  /** Set exactly when the step is fanned out per node; then `key === `${name}:${node}``. */
  node?: string;
  dependsOn: string[];
  estimatedSeconds: number;
};

/**
 * Limits that are not the account's quotas but are checked beside them: the workers an install may start
 * with (not on day 2), and whether the workers have room for the add-ons' pods.
 */
export type PlanLimitId = "workersAtInstall" | "workerRoom";

export type QuotaVerdict = {
  quota: QuotaId | PlanLimitId;
  label: string;
  limit: number;
  required: number;
  ok: boolean;
  /** E.g. "Nodes per environment: your plan allows 6, this cluster needs 10." */
  message: string;
};

export type Endpoints = {
  /** https://<domain>/ */
  cluster: string;
  /** Through the API balancers when the topology has them (production), else the control plane. */
  apiServer: string;
  dashboard: string;
  /** Present only with the Remote API add-on. */
  remoteApi?: string;
  /** Present only with the Monitoring add-on. */
  grafana?: string;
  prometheus?: string;
  /** Present only with the Tracing add-on. */
  jaeger?: string;
  /** The user's own domain with its certificate (certificate manager). */
  custom?: string;
};

export type PlanTotals = {
  nodes: number;
  reservedCloudlets: number;
  cloudletLimit: number;
  ramMiB: number;
  cpuMHz: number;
  diskGb: number;
};

export type PlanPrice = {
  currency: "USD";
  /** Reserved cloudlets and disk, times the region's price factor; rounded to 4 decimals. */
  hourly: number;
  /** hourly (unrounded) × hours per month; rounded to 2 decimals. */
  monthly: number;
  /** As if every node were scaled up to its cloudlet limit. */
  hourlyAtLimit: number;
  monthlyAtLimit: number;
};

/** What the chosen add-ons request of the workers, and whether the workers can place it (assess-addon-requests.ts). */
export type AddonRequests = {
  addons: { id: AddonId; name: string; cpuMillis: number; memoryMiB: number }[];
  total: { cpuMillis: number; memoryMiB: number };
  /** The workers' allocatable, summed. */
  workers: { count: number; cpuMillis: number; memoryMiB: number };
  /** Pods no worker had room for, by name. */
  unplaced: string[];
  fits: boolean;
};

/** The cluster's ResourceQuota (`hard`): the user's pods and objects. */
export type ClusterQuota = { pods: number; objects: number };

export type PlanStage = { id: StageId; title: string };

export type EnvironmentPlan = {
  topology: TopologyId;
  version: string;
  name: string;
  region: string;
  /** `${name}.${region.domain}`. */
  domain: string;
  /** In catalog `nodeGroupOrder`, only groups with at least one node. */
  nodeGroups: PlanNodeGroup[];
  totals: PlanTotals;
  price: PlanPrice;
  endpoints: Endpoints;
  /**
   * `verdicts` always holds the four quotas, then the plan's limits that apply (PlanLimitId). `ok` is false
   * when any verdict fails, and also when the account's plan cannot install at all (Trial) — that is not a
   * quota, so it has no verdict of its own.
   */
  quota: { ok: boolean; verdicts: QuotaVerdict[] };
  /** Present when a chosen add-on runs pods on the workers; absent in plans stored before it existed. */
  addonRequests?: AddonRequests;
  /** What the cluster may hold of the user's pods and objects (cluster-quota.ts); absent in plans stored before it existed. */
  clusterQuota?: ClusterQuota;
  /** Only stages that have steps, in execution order. */
  stages: PlanStage[];
  /** Topologically ordered: every step comes after all of its dependencies. */
  steps: PlanStep[];
  estimate: { criticalPathSeconds: number; sequentialSeconds: number };
};

export type QuotaContext = {
  plan: AccountPlan;
  /** Active environments the account already has, not counting the one being planned. */
  environmentsInUse: number;
  /**
   * The environment exists already (a day-2 plan): it is one of those in use rather than an extra one, and
   * the install's limits (workers at install) do not apply.
   */
  existing?: boolean;
};

export type TopologyAvailability = {
  topology: TopologyId;
  /** True when the topology's smallest cluster fits without NFS storage. */
  available: boolean;
  /**
   * Every quota the smallest cluster breaks, as sentences. Empty exactly when the topology fits with
   * storage too; an available topology with reasons fits only without storage.
   */
  reasons: string[];
};
