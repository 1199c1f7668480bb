import { applyWorkload, type WorkloadInput } from "./apply-workload";
import type { Sim } from "./create-sim";
import type { ApplyResult } from "./types";

/** A Deployment (default 1 replica on the workers); run reconcileCluster afterwards to place its pods. */
export function applyDeployment(sim: Sim, input: WorkloadInput): ApplyResult {
  return applyWorkload(sim, "Deployment", input);
}
