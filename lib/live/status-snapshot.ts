import type { HealthLine, OperationStatus } from "@/lib/engine";
import type { EnvironmentStatus } from "@/lib/environments/environment-status";
import type { OperationType } from "@/lib/environments/operation-types";
import type { EnvironmentPlan } from "@/lib/plan";

/**
 * Everything the status page renders, as one JSON document. The server builds it (lib/data/
 * get-status-snapshot.ts) for the first render and again, once per environment, whenever events arrive;
 * the live feed pushes it to every open page. Contains no secrets (see /credentials for those).
 */
export type StatusSnapshot = {
  environment: {
    id: string;
    name: string;
    displayName: string;
    domain: string;
    region: { id: string; name: string };
    version: string;
    topology: EnvironmentPlan["topology"];
    status: EnvironmentStatus;
    createdAt: string;
    /** Whether the cluster has NFS storage, and which add-ons it has (installed or being installed). */
    storage: boolean;
    addons: { monitoring: boolean; tracing: boolean; remoteApi: boolean };
    /** The worker autoscaler's range, or null when it is off. */
    autoscaling: { minWorkers: number; maxWorkers: number } | null;
    /** The public address of the cluster's ingress, where its domain and a custom domain's DNS must point. */
    ingressAddress: string;
    /** Where kubectl reaches the cluster's API (its kubeconfig's server), whether Remote API access is on or off. */
    kubernetesApi: string;
  };
  /** The plan as the cluster is now (a change replaces it): what the status page's cluster panel shows. */
  plan: Pick<
    EnvironmentPlan,
    "nodeGroups" | "stages" | "endpoints" | "estimate" | "totals" | "price" | "addonRequests"
  >;
  /** Newest first. `current` is the one the steps below belong to (the newest). */
  operations: OperationView[];
  steps: StepView[];
  nodes: NodeView[];
  /** Once an install succeeded. */
  results: { endpoints: EnvironmentPlan["endpoints"]; health: HealthLine[]; completedAt: string } | null;
  /** What runs in the cluster: namespaces, workloads, pods, services (the Workloads section). */
  workloads: WorkloadsView;
  /** The registry credentials the cluster pulls images with (no password), or null. */
  registry: { registry: string; username: string; email: string } | null;
  /** Which credentials exist (values only through GET /api/v1/environments/<name>/credentials). */
  credentials: { name: CredentialName; label: string }[];
  /** Sequence number of the newest event included (numbered per environment); the feed resumes after it. */
  lastEventId: number;
  /** Sequence number of the environment's newest log line. */
  lastLogId: number;
  /** Server time the snapshot was taken (ISO), to correct the client's clock for elapsed/ETA. */
  serverTime: string;
};

export type WorkloadsView = {
  namespaces: string[];
  workloads: {
    kind: "Deployment" | "StatefulSet" | "DaemonSet";
    namespace: string;
    name: string;
    ready: number;
    desired: number;
    image: string;
  }[];
  /** `reason`: why a Pending pod waits (the scheduler's message), else null. */
  pods: { namespace: string; name: string; node: string | null; phase: string; reason: string | null }[];
  services: { namespace: string; name: string; type: string; clusterIP: string; ports: string }[];
  /** The cluster's ResourceQuota (the user's pods and objects, used of hard); absent until the cluster has one. */
  quota?: { pods: { used: number; hard: number }; objects: { used: number; hard: number } };
};

export type CredentialName = "admin-token" | "grafana-password" | "jaeger-password";

export type OperationView = {
  id: string;
  type: OperationType;
  status: OperationStatus;
  /** Day-2 changes: what was asked for, in words ("scales workers 1 → 3, adding cp-2, cp-3"); null otherwise. */
  summary: string | null;
  /** A failed change that added nodes, the newest operation: Roll back removes them and restores the plan. */
  canRollBack: boolean;
  /** Name of the person who started it, or null (system). */
  actor: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When failed: the step, the error in words, who can fix it and what to do. */
  error: {
    stepKey: string;
    stepTitle: string;
    code: string;
    message: string;
    fixableBy: "user" | "platform";
    action: string;
  } | null;
};

export type StepView = {
  key: string;
  name: string;
  title: string;
  /** Stage id (plan stages, plus "teardown"). */
  stage: string;
  node: string | null;
  status: "pending" | "running" | "retrying" | "succeeded" | "failed" | "cancelled";
  attempts: number;
  maxAttempts: number;
  /** Expected wall-clock duration: the plan's estimate × the engine's time scale. */
  estimatedMs: number;
  dependsOn: string[];
  /** First attempt's start. */
  startedAt: string | null;
  /** Current attempt's start. */
  attemptStartedAt: string | null;
  finishedAt: string | null;
  /** Retry backoff end, when retrying. */
  availableAt: string | null;
  /** Last error (kept while retrying or failed, until a new attempt replaces it). */
  error: { message: string; fixableBy: "user" | "platform"; action: string; transient: boolean } | null;
};

export type NodeView = {
  id: string;
  group: string;
  groupName: string;
  role: string;
  hostname: string;
  privateIp: string;
  /** Machine state: created | booting | running | removed. */
  state: string;
  kubernetesVersion: string | null;
  /** Kubernetes Node Ready (null for machines that are not Kubernetes nodes: balancers, storage). */
  ready: boolean | null;
};

export type LogLineView = {
  id: number;
  at: string;
  level: "info" | "warn" | "error";
  stepKey: string | null;
  node: string | null;
  message: string;
};

export type FeedEvent = {
  id: number;
  type: string;
  message: string;
  stepKey: string | null;
  operationId: string | null;
  createdAt: string;
};

/**
 * Server-Sent Events of GET /api/environment-feed/<name>:
 *   event: snapshot  data: StatusSnapshot     (on connect and after every batch of changes)
 *   event: change    id: <event id>  data: FeedEvent   (every event, in order; resumable with Last-Event-ID)
 *   event: logs      data: LogLineView[]      (new log lines, in order)
 *   event: status    data: { database }       ("reconnecting" while the server has lost its database, then "connected")
 *   : keep-alive     (comment, every 15 s)
 */
export type FeedMessage =
  | { event: "snapshot"; data: StatusSnapshot }
  | { event: "change"; id: number; data: FeedEvent }
  | { event: "logs"; data: LogLineView[] }
  | { event: "status"; data: { database: "connected" | "reconnecting" } };
