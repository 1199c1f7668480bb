/** The environment plan: pure, shared by the install dialog (live preview) and the engine (execution). */
export type * from "./types";
export { computePlan } from "./compute-plan";
export { clusterQuotaFor, clusterQuotaOf, maxPodsPerNode } from "./cluster-quota";
export { assessTopologies } from "./assess-topologies";
export { criticalPath } from "./critical-path";
export { scheduleSteps, type StepWindow } from "./schedule-steps";
export { topologicalOrder } from "./topological-order";
export { findGraphProblems, type StepLink } from "./find-graph-problems";
export { stepNames, isStepName, type StepName } from "./step-names";
export { describeStep } from "./describe-step";
export { planStages } from "./plan-stages";
export { quotaLabels, describeEnvironmentsFull } from "./quota-labels";
export { diffPlans, type PlanDiff, type DiffNode, type DiffStep } from "./diff-plans";
export { nodeIndex, type NodeIds } from "./build-node-groups";
export { upgradeTargets, type UpgradeTargets } from "./upgrade-targets";
export { describeRequests } from "./assess-addon-requests";
