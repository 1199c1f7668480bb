/**
 * The provisioning engine's one way in (house rule 11): code outside lib/engine imports only this module.
 * Every read and write of the engine's tables (environments, operations, steps, events, log lines, secrets,
 * the simulated infrastructure) goes through these verbs; each takes the connection pool explicitly, so tests
 * run them against a database of their own. See docs/engine.md.
 */
export { createRunner, type Runner, type RunnerOptions } from "./runner";
export { startRunner } from "./start-runner";
export { realClock, virtualClock, type Clock } from "./clock";
export { stepHandlers } from "./steps";
export type { StepOutcome } from "./execute-step";
export type { ClaimedStep } from "./claim-steps";
export { buildKubeconfig } from "./build-kubeconfig";
export type { OperationStepSpec, ChangeParams } from "./create-operation";
export { faultsSchema, type Faults, type NamedFault } from "./faults";
export type { ChangeType, OperationStatus, OperationType } from "./operation-states";
export { environmentStatusForOperation } from "./environment-status-for-operation";
export type { StepStatus } from "./step-states";
export type { HealthLine } from "./step-context";
export type { EnvironmentResults } from "./finish-operation";
export { ingressAddressFor } from "./sim";
export { clusterIngressClass, nodeAllocatable } from "./steps/plan-facts";

export { requestCancel, requestDelete, requestRetry } from "./request-operations";
export { requestChange, requestRollback, type ChangeRequest } from "./request-change";
export { insertEnvironment, type InsertOutcome, type NewEnvironment } from "./store/insert-environment";
export { setEnvironmentFaults } from "./store/set-environment-faults";
export type { EnvironmentRecord } from "./store/environment-record";
export { findEnvironmentByName } from "./store/find-environment-by-name";
export { findEnvironmentById } from "./store/find-environment-by-id";
export { findNameClaim } from "./store/find-name-claim";
export { findActiveEnvironmentPlans } from "./store/find-active-environment-plans";
export { findEnvironmentList, type EnvironmentListRow } from "./store/find-environment-list";
export {
  readEnvironmentState,
  type WorkloadObject,
  type EnvironmentState,
  type OperationRecord,
  type StepRecord,
  type MachineRecord,
} from "./store/read-environment-state";
export { findLogLines, type LogLineRecord } from "./store/find-log-lines";
export { findEvents, type EventRecord } from "./store/find-events";
export { readSim } from "./store/read-sim";
export { changeClusterObjects, ClusterNotChangeable } from "./store/change-cluster-objects";
export { syncClusterControllers } from "./store/sync-cluster-controllers";
export { findMachineIds } from "./store/find-machine-ids";
export { findRegistryCredentials } from "./store/find-registry-credentials";
export { findAutoscaledEnvironments, type AutoscaledEnvironment } from "./store/find-autoscaled-environments";
export { recordEnvironmentEvent } from "./store/record-environment-event";
export { listenForChanges, type Change, type ChangeListener } from "./store/listen-for-changes";
