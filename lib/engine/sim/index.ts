/**
 * Simulated infrastructure: machines (sim_machine) and the Kubernetes cluster they form (sim_object), acted
 * on by step handlers as if it were a remote API. All calls are synchronous, on an in-memory model that the
 * engine loads and writes back in the step's transaction (sim-model.ts).
 * See docs/simulation.md.
 */
export type * from "./types";
export type { MachineState } from "./machine-states";
export { createSim, type Sim } from "./create-sim";
export {
  applyCommittedObjects,
  createSimModel,
  forkSimModel,
  hasSimChanges,
  markSimModelSaved,
  objectKey,
  splitObjectKey,
  type SimModel,
  type SimChanges,
  type MachineRow,
  type ObjectRow,
} from "./sim-model";
export type { MachineOps } from "./create-machine-ops";
export type { ObjectOps, ObjectRef } from "./create-object-ops";
export { ingressAddressFor } from "./ingress-address-for";
export { stableJson } from "@/lib/stable-json";
export { shortHash, numericHash } from "./short-hash";
export { ensureNamespace } from "./ensure-namespace";
export { applyWorkload, type WorkloadInput } from "./apply-workload";
export { applyDeployment } from "./apply-deployment";
export { applyDaemonSet } from "./apply-daemon-set";
export { applyService } from "./apply-service";
export { applyIngress } from "./apply-ingress";
export { applyStorageClass } from "./apply-storage-class";
export { applyPersistentVolumeClaim } from "./apply-persistent-volume-claim";
export { findDefaultStorageClass } from "./find-default-storage-class";
export { writeClusterInfo } from "./write-cluster-info";
export { readClusterInfo } from "./read-cluster-info";
export { addEtcdMember } from "./add-etcd-member";
export { registerNode } from "./register-node";
export { addControlPlanePods, controlPlaneComponents } from "./add-control-plane-pods";
export { isCniInstalled } from "./is-cni-installed";
export { findPods } from "./find-pods";
export { applyHelmRelease } from "./apply-helm-release";
export { reconcileCluster } from "./reconcile-cluster";
export { allocatableOf, replicaSetName } from "./reconcile-pods";
export {
  countUserObjects,
  exceededQuota,
  quotaResources,
  type ClusterQuotaSpec,
  type ClusterQuotaStatus,
} from "./cluster-quota";
export type { EventSpec } from "./record-event";
export { objectUid } from "./object-uid";
export { pullSecretName, pullSecretPatcher, pullSecretSource, type PullSecretSpec } from "./reconcile-pull-secrets";
