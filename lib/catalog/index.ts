/** The catalogue: pure data shared by client and server. */
export * from "./types";
export { kubernetesVersions } from "./kubernetes-versions";
export { dashboards } from "./dashboards";
export { ingressControllers } from "./ingress-controllers";
export { addons } from "./addons";
export { regions } from "./regions";
export { nodeGroups, nodeGroupById, nodeGroupOrder } from "./node-groups";
export { topologies, maxWorkersAtInstall } from "./topologies";
export { accountPlans, defaultAccountPlanId } from "./account-plans";
export { pricing, cloudletRamMiB, cloudletCpuMHz } from "./pricing";
export { apps, categories } from "./apps";
export { findAccountPlan, findAddon, findApp, findRegion } from "./find";
