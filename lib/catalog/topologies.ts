import type { Topology, TopologyId } from "./types";

export const topologies: Readonly<Record<TopologyId, Topology>> = {
  development: {
    id: "development",
    name: "Development",
    summary: "1 control plane + 1 scalable worker",
    controlPlanes: 1,
    apiBalancers: 0,
    minWorkers: 1,
    storageNodes: 1,
  },
  production: {
    id: "production",
    name: "Production",
    summary: "3 control planes, 2 API balancers, 2+ scalable workers",
    controlPlanes: 3,
    apiBalancers: 2,
    minWorkers: 2,
    storageNodes: 3,
  },
};

/** Upper bound on workers requested at install, whatever the quota; scale later for more. */
export const maxWorkersAtInstall = 20;
