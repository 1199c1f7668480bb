import type { MachineState } from "./machine-states";

export type JsonObject = Record<string, unknown>;

/** A simulated machine (a row of sim_machine). Timestamps are ISO strings. */
export type SimMachine = {
  environmentId: string;
  /** The plan's node id, e.g. "k8sm-1", "cp-2", "mbl-1", "storage-3". */
  nodeId: string;
  nodeGroup: string;
  hostname: string;
  privateIp: string;
  state: MachineState;
  facts: MachineFacts;
  createdAt: string;
  updatedAt: string;
};

/** What the platform knows about a machine beyond its state. Open-ended; the keys below are the ones steps use. */
export type MachineFacts = JsonObject & {
  role?: "control-plane" | "worker" | "api-balancer" | "storage";
  /** Set by prepare-instance (configure-instance.sh done, images pre-pulled). */
  prepared?: boolean;
  kubeletVersion?: string;
  containerRuntime?: string;
  /** How the node entered the cluster. */
  kubeadm?: "init" | "join-control-plane" | "join-worker";
  mounts?: string[];
  /** API balancers: the control planes behind TCP 6443. */
  backends?: string[];
  /** Storage nodes: the NFS export, and the GlusterFS volume when there are several nodes. */
  nfsExport?: string;
  gluster?: { volume: string; replicas: number; bricks: string[]; status: "Started" };
};

/** A simulated Kubernetes object (a row of sim_object). Namespace is "" for cluster-scoped kinds. */
export type SimObject<Spec = JsonObject, Status = JsonObject> = {
  kind: string;
  namespace: string;
  name: string;
  spec: Spec;
  status: Status;
  createdAt: string;
  updatedAt: string;
};

/** As kubectl prints it: `deployment.apps/x created|configured|unchanged`. */
export type ApplyResult = "created" | "configured" | "unchanged";

export type NodeRole = "control-plane" | "worker";

/** CPU and memory, as requests of a pod or what a node can give pods. */
export type Resources = { cpuMillis: number; memoryBytes: number };

export type NodeSpec = {
  role: NodeRole;
  hostname: string;
  internalIp: string;
  kubeletVersion: string;
  /** Cordoned: no new pods are scheduled here. */
  unschedulable: boolean;
  /** What pods may request here, from the node group's flavour (nodes registered before it was kept: 8 cloudlets). */
  allocatable?: Resources;
};

export type NodeStatus = { ready: boolean; reason: string };

/**
 * Where a workload's pods may run: "workers" = worker nodes only; "nodes" = any node (control planes too,
 * as CoreDNS, kube-proxy and Weave tolerate the control-plane taint).
 */
export type Placement = "workers" | "nodes";

export type WorkloadKind = "Deployment" | "StatefulSet" | "DaemonSet";

export const workloadKinds: readonly WorkloadKind[] = ["Deployment", "StatefulSet", "DaemonSet"];

export type WorkloadSpec = {
  image: string;
  placement: Placement;
  labels: Record<string, string>;
  /** Deployment and StatefulSet only; a DaemonSet runs one pod per eligible node. */
  replicas?: number;
  /**
   * The pod runs on a node whose machine is up even while the node is NotReady (host-network system pods:
   * kube-proxy and the CNI itself). Other pods need a Ready node.
   */
  tolerateNotReady?: boolean;
  hostPorts?: number[];
  /**
   * The object as the user wrote it, when it came from a custom manifest at install or through the cluster's
   * Kubernetes API: rendered back as written, and its user may change or delete it (system workloads have none).
   */
  manifest?: JsonObject;
  /** What each pod requests (the sum over its containers); absent: nothing, as the system pods here. */
  requests?: Resources;
  /** Names the pods' ReplicaSet; changes with the pod template. Absent: derived from the image. */
  templateHash?: string;
};

/**
 * `desired`: the pods the controller has made (at most spec.replicas: fewer while a quota or its per-pass burst
 * holds the rest back). `failure`: why the next pod could not be made (the quota's message), as the ReplicaSet's
 * ReplicaFailure condition says it. `backlog`: pods still to make in later passes (the burst limit, not a quota).
 */
export type WorkloadStatus = { desired: number; ready: number; failure?: string; backlog?: number };

/** What the cluster's ResourceQuota allows of the user's pods and objects. */
export type ClusterQuotaHard = { pods: number; objects: number };

export type PodSpec = {
  owner: { kind: WorkloadKind | "Node"; name: string };
  /** Null while unscheduled (Pending). */
  nodeName: string | null;
  image: string;
  labels: Record<string, string>;
  /** Deployment/StatefulSet pods: their ordinal among the replicas. */
  replica?: number;
  requests?: Resources;
};

export type PodStatus = { phase: "Running" | "Pending"; reason?: string; message?: string };

export type ServicePort = { name?: string; port: number; targetPort?: number; nodePort?: number };

export type ServiceSpec = {
  type: "ClusterIP" | "NodePort" | "LoadBalancer";
  selector: Record<string, string>;
  ports: ServicePort[];
  clusterIP?: string;
  /** Written through the cluster's Kubernetes API: the object as stored there (see WorkloadSpec.manifest). */
  manifest?: JsonObject;
};

export type IngressPath = { path: string; service: string; port: number };

export type IngressSpec = {
  ingressClassName: string;
  paths: IngressPath[];
  annotations?: Record<string, string>;
  /** Routes only requests for this host; absent: any host. */
  host?: string;
  /** TLS for the host from this Secret. */
  tlsSecretName?: string;
  /** Written through the cluster's Kubernetes API: the object as stored there (see WorkloadSpec.manifest). */
  manifest?: JsonObject;
};

export type CertificateSpec = { domain: string; secretName: string; issuer: string };

export type CertificateStatus = { ready: boolean; reason: string; notBefore?: string; notAfter?: string };

export type StorageClassSpec = {
  provisioner: string;
  isDefault: boolean;
  reclaimPolicy: "Delete" | "Retain";
  allowVolumeExpansion: boolean;
  parameters: Record<string, string>;
};

export type PersistentVolumeClaimSpec = {
  /** Null means "the default StorageClass". */
  storageClassName: string | null;
  size: string;
  accessModes: string[];
};

export type PersistentVolumeClaimStatus = {
  phase: "Bound" | "Pending";
  volumeName?: string;
  storageClassName?: string;
  message?: string;
};

export type EtcdMemberSpec = { nodeName: string; memberId: string; peerUrl: string; clientUrl: string };

export type HelmReleaseSpec = { chart: string; repo: string; version: string; values: JsonObject };

export type HelmReleaseStatus = { status: "deployed"; revision: number };

/** The public part of kubeadm's cluster-info ConfigMap: what a joining node needs to trust the API server. */
export type ClusterInfo = { server: string; caCertHash: string };
