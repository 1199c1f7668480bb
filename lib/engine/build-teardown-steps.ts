import { nodeGroups } from "@/lib/catalog";
import type { OperationStepSpec } from "./create-operation";
import type { EngineTx } from "./store/engine-transaction";
import { findLiveMachines } from "./store/find-live-machines";

/**
 * The teardown graph for what exists now: drain every worker (in parallel), then remove every machine
 * (workers once drained; control planes, balancers and storage once all workloads are off; the first control
 * plane last, as etcd's founding member), then delete the cluster's objects and secrets.
 */
export async function buildTeardownSteps(tx: EngineTx, environmentId: string): Promise<OperationStepSpec[]> {
  const machines = await findLiveMachines(tx, environmentId);
  const firstControlPlane = `${nodeGroups.controlPlane.id}-1`;
  const workers = machines.filter((m) => m.nodeGroup === nodeGroups.workers.id);
  const drains = workers.map((w) => `drain-node:${w.nodeId}`);
  const steps: OperationStepSpec[] = workers.map((w) => ({
    key: `drain-node:${w.nodeId}`,
    name: "drain-node",
    title: `Drain worker ${w.nodeId}`,
    stage: "teardown",
    node: w.nodeId,
    dependsOn: [],
    estimatedSeconds: 20,
  }));
  const otherControlPlanes = machines
    .filter((m) => m.nodeGroup === nodeGroups.controlPlane.id && m.nodeId !== firstControlPlane)
    .map((m) => `remove-node:${m.nodeId}`);
  for (const m of machines) {
    const dependsOn =
      m.nodeGroup === nodeGroups.workers.id
        ? [`drain-node:${m.nodeId}`]
        : m.nodeId === firstControlPlane
          ? [...drains, ...otherControlPlanes]
          : drains;
    steps.push({
      key: `remove-node:${m.nodeId}`,
      name: "remove-node",
      title: `Remove node ${m.nodeId}`,
      stage: "teardown",
      node: m.nodeId,
      dependsOn,
      estimatedSeconds: 15,
    });
  }
  steps.push({
    key: "cleanup-environment",
    name: "cleanup-environment",
    title: "Delete the cluster's objects and secrets",
    stage: "teardown",
    dependsOn: machines.map((m) => `remove-node:${m.nodeId}`),
    estimatedSeconds: 5,
  });
  return steps;
}
