import type { AddonWorkload } from "@/lib/catalog";
import { describeRequests } from "@/lib/plan";

/** What an add-on's pods request of the workers, from the catalogue; null for one that runs none. */
export function addonRequestsText(workloads: readonly AddonWorkload[]): string | null {
  if (workloads.length === 0) return null;
  const total = workloads.reduce(
    (t, w) => ({ cpuMillis: t.cpuMillis + w.cpuMillis, memoryMiB: t.memoryMiB + w.memoryMiB }),
    { cpuMillis: 0, memoryMiB: 0 },
  );
  return `Requests ${describeRequests(total)} of the workers.`;
}
