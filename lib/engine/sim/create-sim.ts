import { createMachineOps, type MachineOps } from "./create-machine-ops";
import { createObjectOps, type ObjectOps } from "./create-object-ops";
import type { SimModel } from "./sim-model";

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
};

export function createSim(model: SimModel, now: Date): Sim {
  return {
    environmentId: model.environmentId,
    now,
    machines: createMachineOps(model, now),
    objects: createObjectOps(model, now),
  };
}
