import { reconcileCluster, type NodeSpec, type PodSpec, type Sim } from "@/lib/engine/sim";
import type { StepContext } from "@/lib/engine/step-context";

/**
 * `kubectl drain --ignore-daemonsets`: the Node is cordoned and its replica pods are evicted (the scheduler
 * moves them to other Ready, schedulable nodes, or they wait Pending). Returns how many were evicted.
 */
export function cordonAndDrain(ctx: StepContext, sim: Sim, nodeId: string): number {
  const ref = { kind: "Node", name: nodeId };
  const node = sim.objects.get<NodeSpec>(ref);
  if (!node) return 0;
  ctx.log(`kubectl drain ${nodeId} --ignore-daemonsets --delete-emptydir-data --timeout=120s`);
  const evicted = sim.objects
    .list<PodSpec>("Pod")
    .filter(
      (p) => p.spec.nodeName === nodeId && (p.spec.owner.kind === "Deployment" || p.spec.owner.kind === "StatefulSet"),
    );
  sim.objects.apply({ ...ref, spec: { ...node.spec, unschedulable: true } });
  ctx.log(`node/${nodeId} cordoned`);
  for (const pod of evicted.slice(0, 4)) ctx.log(`evicting pod ${pod.namespace}/${pod.name}`);
  if (evicted.length > 4) ctx.log(`… and ${evicted.length - 4} more pods evicted`);
  reconcileCluster(sim);
  const pending = sim.objects
    .list<PodSpec, { phase: string }>("Pod")
    .filter(
      (p) => evicted.some((e) => e.name === p.name && e.namespace === p.namespace) && p.status.phase === "Pending",
    );
  if (pending.length > 0)
    ctx.log(`${pending.length} evicted pod(s) wait Pending: no other Ready, schedulable node can run them`, "warn");
  ctx.log(`node/${nodeId} drained`);
  return evicted.length;
}

/** `kubectl uncordon`: the Node takes pods again (those moved away stay where they are, as in Kubernetes). */
export function uncordon(ctx: StepContext, sim: Sim, nodeId: string): void {
  const ref = { kind: "Node", name: nodeId };
  const node = sim.objects.get<NodeSpec>(ref);
  if (!node || !node.spec.unschedulable) return;
  sim.objects.apply({ ...ref, spec: { ...node.spec, unschedulable: false } });
  reconcileCluster(sim);
  ctx.log(`node/${nodeId} uncordoned`);
}
