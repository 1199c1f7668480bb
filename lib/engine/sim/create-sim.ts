import { createMachineOps, type MachineOps } from "./create-machine-ops";
import { createObjectOps, type ObjectOps } from "./create-object-ops";
import type { SimModel } from "./sim-model";
import type { ClusterQuotaHard } from "./types";

/**
 * The simulated infrastructure of one environment: its machines and the Kubernetes objects of the cluster
 * they form, as step handlers see them — synchronous operations on the in-memory model (sim-model.ts) that
 * the engine loads before the handler and writes back after it. `now` stamps what this handle changes.
 */
export type Sim = {
  environmentId: string;
  now: Date;
  machines: MachineOps;
  objects: ObjectOps;
  /**
   * The cluster's quota as its plan sets it now (the engine passes it in); absent, the controllers keep the one
   * last written on the cluster's ResourceQuota (cluster-quota.ts).
   */
  quota?: ClusterQuotaHard;
};

const models = new WeakMap<Sim, SimModel>();

export function createSim(model: SimModel, now: Date, quota?: ClusterQuotaHard): Sim {
  const sim: Sim = {
    environmentId: model.environmentId,
    now,
    machines: createMachineOps(model, now),
    objects: createObjectOps(model, now),
    ...(quota ? { quota } : {}),
  };
  models.set(sim, model);
  return sim;
}

/** The model a Sim acts on (for the controllers' bookkeeping, reconcile-cluster.ts). */
export function modelOf(sim: Sim): SimModel {
  const model = models.get(sim);
  if (!model) throw new Error("This Sim was not made by createSim.");
  return model;
}
