import { applyWorkload, type WorkloadInput } from "./apply-workload";
import type { Sim } from "./create-sim";
import type { ApplyResult } from "./types";

/** A DaemonSet: one pod per eligible node (workers by default); run reconcileCluster afterwards. */
export function applyDaemonSet(sim: Sim, input: Omit<WorkloadInput, "replicas">): ApplyResult {
  return applyWorkload(sim, "DaemonSet", input);
}
