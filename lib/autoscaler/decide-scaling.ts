import type { NodeSpec, NodeStatus, PodSpec, PodStatus, Resources, SimObject } from "@/lib/engine/sim";

/** Pods wait this long for room before workers are added (cluster-autoscaler's default is about as long). */
const scaleOutAfterMs = 30_000;
/** A worker this little used for this long is removed (cluster-autoscaler's scale-down defaults). */
const scaleInAfterMs = 10 * 60_000;
const scaleInUtilization = 0.5;

type ScalingInput = {
  range: { minWorkers: number; maxWorkers: number };
  /** The plan's workers, in plan order. */
  workers: readonly string[];
  /** What a new worker can give pods (the worker group's flavour). */
  newWorker: Resources;
  nodes: readonly SimObject<NodeSpec, NodeStatus>[];
  pods: readonly SimObject<PodSpec, PodStatus>[];
  now: Date;
  /** Since when each worker has been under the utilisation threshold (ms); the decision updates it. */
  idleSince: Map<string, number>;
  /** The engine's time scale: delays are simulated time, as step durations are (1 = real time). */
  timeScale?: number;
};

export type ScalingDecision =
  | { kind: "scale-out"; workers: number; reason: string }
  | { kind: "scale-in"; remove: string; reason: string }
  /** Something should happen but cannot: told in the activity, once. */
  | { kind: "held"; reason: string }
  | { kind: "none" };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const fits = (need: Resources, free: Resources) =>
  need.cpuMillis <= free.cpuMillis && need.memoryBytes <= free.memoryBytes;
const minus = (a: Resources, b: Resources): Resources => ({
  cpuMillis: a.cpuMillis - b.cpuMillis,
  memoryBytes: a.memoryBytes - b.memoryBytes,
});
const none: Resources = { cpuMillis: 0, memoryBytes: 0 };
const isReplica = (p: SimObject<PodSpec>) => p.spec.owner.kind === "Deployment" || p.spec.owner.kind === "StatefulSet";

/**
 * One pass of the worker autoscaler, as cluster-autoscaler decides:
 *  - out: replica pods Pending for lack of room (the scheduler said "Insufficient …") for 30 s → as many new
 *    workers as first-fit packing of their requests needs, up to Maximum; a pod bigger than a whole worker is
 *    never a reason to add one;
 *  - in (only when nothing waits): a worker whose pods request under half its CPU and memory for 10 minutes,
 *    and whose pods fit on the other workers, is removed — the newest such — down to Minimum.
 * Pure: the caller reads the cluster and carries `idleSince` between passes.
 */
export function decideScaling(input: ScalingInput): ScalingDecision {
  const { range, workers, now } = input;
  const scale = input.timeScale ?? 1;
  const waiting = input.pods.filter(
    (p) =>
      isReplica(p) &&
      p.status.phase === "Pending" &&
      p.spec.nodeName === null &&
      (p.status.message ?? "").includes("Insufficient"),
  );
  if (waiting.length > 0) {
    input.idleSince.clear();
    const due = waiting.filter((p) => now.getTime() - Date.parse(p.updatedAt) >= scaleOutAfterMs * scale);
    if (due.length === 0) return { kind: "none" };
    const requests = (p: SimObject<PodSpec>) => p.spec.requests ?? none;
    const tooBig = due.filter((p) => !fits(requests(p), input.newWorker));
    const helped = due.filter((p) => fits(requests(p), input.newWorker));
    if (helped.length === 0) {
      return {
        kind: "held",
        reason: `${plural(tooBig.length, "pod")} request more CPU or memory than a whole worker has (${tooBig
          .map((p) => `${p.namespace}/${p.name}`)
          .slice(0, 3)
          .join(", ")}): adding workers would not help.`,
      };
    }
    if (workers.length >= range.maxWorkers) {
      return {
        kind: "held",
        reason: `${plural(helped.length, "pod")} wait for room, but the cluster is at its maximum of ${plural(range.maxWorkers, "worker")}.`,
      };
    }
    const bins: Resources[] = [];
    for (const p of [...helped].sort(
      (a, b) => requests(b).cpuMillis - requests(a).cpuMillis || requests(b).memoryBytes - requests(a).memoryBytes,
    )) {
      const bin = bins.findIndex((free) => fits(requests(p), free));
      if (bin >= 0) bins[bin] = minus(bins[bin]!, requests(p));
      else bins.push(minus(input.newWorker, requests(p)));
    }
    const target = Math.min(workers.length + bins.length, range.maxWorkers);
    const why = [...new Set(helped.flatMap((p) => (p.status.message ?? "").match(/Insufficient \w+/g) ?? []))].join(
      ", ",
    );
    return {
      kind: "scale-out",
      workers: target,
      reason: `${plural(helped.length, "pod")} waited ${Math.round(scaleOutAfterMs / 1000)} s for room (${why})${target < workers.length + bins.length ? `; Maximum is ${range.maxWorkers}` : ""}`,
    };
  }

  const nodes = new Map(input.nodes.map((n) => [n.name, n]));
  const used = new Map<string, Resources>(workers.map((w) => [w, none]));
  const podsOn = new Map<string, SimObject<PodSpec>[]>(workers.map((w) => [w, []]));
  for (const p of input.pods) {
    if (!isReplica(p) || !p.spec.nodeName || !used.has(p.spec.nodeName)) continue;
    const r = p.spec.requests ?? none;
    const u = used.get(p.spec.nodeName)!;
    used.set(p.spec.nodeName, { cpuMillis: u.cpuMillis + r.cpuMillis, memoryBytes: u.memoryBytes + r.memoryBytes });
    podsOn.get(p.spec.nodeName)!.push(p);
  }
  const allocatable = (w: string) => nodes.get(w)?.spec.allocatable ?? input.newWorker;
  const share = (w: string) =>
    Math.max(used.get(w)!.cpuMillis / allocatable(w).cpuMillis, used.get(w)!.memoryBytes / allocatable(w).memoryBytes);
  for (const w of workers) {
    const node = nodes.get(w);
    const underused =
      node !== undefined && node.status.ready && !node.spec.unschedulable && share(w) < scaleInUtilization;
    if (!underused) input.idleSince.delete(w);
    else if (!input.idleSince.has(w)) input.idleSince.set(w, now.getTime());
  }
  for (const id of [...input.idleSince.keys()]) if (!workers.includes(id)) input.idleSince.delete(id);
  if (workers.length <= range.minWorkers) return { kind: "none" };
  const candidates = [...workers]
    .reverse()
    .filter((w) => now.getTime() - (input.idleSince.get(w) ?? Infinity) >= scaleInAfterMs * scale);
  for (const w of candidates) {
    const free = new Map(
      workers.filter((o) => o !== w && nodes.get(o)?.status.ready).map((o) => [o, minus(allocatable(o), used.get(o)!)]),
    );
    const movable = podsOn.get(w)!.every((p) => {
      const target = [...free].find(([, room]) => fits(p.spec.requests ?? none, room));
      if (!target) return false;
      free.set(target[0], minus(target[1], p.spec.requests ?? none));
      return true;
    });
    if (!movable) continue;
    const u = used.get(w)!;
    const a = allocatable(w);
    const percent = (x: number) => `${Math.round(x * 100)}%`;
    return {
      kind: "scale-in",
      remove: w,
      reason: `worker ${w}'s pods requested ${percent(u.cpuMillis / a.cpuMillis)} of its CPU and ${percent(u.memoryBytes / a.memoryBytes)} of its memory for ${Math.round(scaleInAfterMs / 60_000)} min, and fit on the other workers`,
    };
  }
  return { kind: "none" };
}
