import type { PlanStage } from "./types";

/**
 * Stages in execution order, following the reference package's onInstall sequence. The step graph keeps an
 * invariant the tests check: a step depends only on steps of its own or an earlier stage. That is why
 * "storage" (the NFS provisioner, which needs the components installed) comes after "components", and why
 * creating the storage nodes themselves belongs to "prepare".
 */
export const planStages: readonly PlanStage[] = [
  { id: "prepare", title: "Prepare the nodes" },
  { id: "control-plane", title: "Set up the control plane" },
  { id: "workers", title: "Join the workers" },
  { id: "network", title: "Network and ingress" },
  { id: "components", title: "Cluster components" },
  { id: "storage", title: "Storage" },
  { id: "workloads", title: "Deploy workloads" },
  { id: "addons", title: "Add-ons" },
  { id: "health", title: "Health check" },
];
