import { findAddon } from "@/lib/catalog";
import type { Resources } from "@/lib/engine/sim";

/**
 * What a pod of an add-on's workload requests, from the catalogue: the same numbers the plan places on the workers
 * before the add-on is installed, so the simulated scheduler judges the add-on's pods as the plan promised.
 */
export function addonWorkloadRequests(addonId: string, workload: string): Resources {
  const found = findAddon(addonId)?.workloads.find((w) => w.name === workload);
  if (!found) throw new Error(`The catalogue names no workload ${workload} for the add-on ${addonId}.`);
  return { cpuMillis: found.cpuMillis, memoryBytes: found.memoryMiB * 1024 * 1024 };
}
