import { addons as catalogAddons, cloudletCpuMHz, cloudletRamMiB, type AddonId } from "@/lib/catalog";
import type { AddonRequests, PlanNodeGroup } from "./types";

type Pod = { name: string; cpuMillis: number; memoryMiB: number };

/**
 * What the chosen add-ons run on the workers and whether the workers have room for it, decided as
 * kube-scheduler would: each pod, in the catalogue's order, goes to the worker with the smallest requested
 * share among those whose allocatable (its cloudlet limit: 400m CPU and 128 MiB per cloudlet, as the nodes
 * register) still covers the pod's requests. Undefined when no chosen add-on runs pods.
 */
export function assessAddonRequests(
  groups: readonly PlanNodeGroup[],
  chosen: Readonly<Record<AddonId, boolean>>,
): AddonRequests | undefined {
  const running = catalogAddons.filter((a) => chosen[a.id] && a.workloads.length > 0);
  if (running.length === 0) return undefined;
  const workerGroup = groups.find((g) => g.role === "worker");
  const workers = (workerGroup?.nodes ?? []).map((n) => ({
    id: n.id,
    cpuMillis: (workerGroup?.cloudletLimit ?? 0) * cloudletCpuMHz,
    memoryMiB: (workerGroup?.cloudletLimit ?? 0) * cloudletRamMiB,
    usedCpu: 0,
    usedMemory: 0,
  }));
  const unplaced: string[] = [];
  const pods: Pod[] = running.flatMap((a) => a.workloads.map((w) => ({ ...w })));
  for (const pod of pods) {
    const share = (w: (typeof workers)[number]) => Math.max(w.usedCpu / w.cpuMillis, w.usedMemory / w.memoryMiB);
    const fitting = workers.filter(
      (w) => w.usedCpu + pod.cpuMillis <= w.cpuMillis && w.usedMemory + pod.memoryMiB <= w.memoryMiB,
    );
    const best = fitting.reduce<(typeof workers)[number] | undefined>(
      (b, w) => (b === undefined || share(w) < share(b) ? w : b),
      undefined,
    );
    if (best) {
      best.usedCpu += pod.cpuMillis;
      best.usedMemory += pod.memoryMiB;
    } else unplaced.push(pod.name);
  }
  const sum = (items: readonly { cpuMillis: number; memoryMiB: number }[]) => ({
    cpuMillis: items.reduce((s, i) => s + i.cpuMillis, 0),
    memoryMiB: items.reduce((s, i) => s + i.memoryMiB, 0),
  });
  return {
    addons: running.map((a) => ({ id: a.id, name: a.name, ...sum(a.workloads) })),
    total: sum(pods),
    workers: { count: workers.length, ...sum(workers) },
    unplaced,
    fits: unplaced.length === 0,
  };
}

/** "1.25 CPU and 2.6 GiB": kube's units, because these are pod requests, not the cloudlets a node reserves. */
export function describeRequests(r: { cpuMillis: number; memoryMiB: number }): string {
  const cpu = `${Number((r.cpuMillis / 1000).toFixed(2))} CPU`;
  const memory = r.memoryMiB < 1024 ? `${r.memoryMiB} MiB` : `${Number((r.memoryMiB / 1024).toFixed(1))} GiB`;
  return `${cpu} and ${memory}`;
}
