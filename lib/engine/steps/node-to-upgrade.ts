import type { NodeGroupId } from "@/lib/catalog";
import type { NodeSpec, Sim, SimMachine, SimObject } from "@/lib/engine/sim";
import type { StepContext } from "@/lib/engine/step-context";
import { kubeVersion } from "./component-versions";
import { platformError } from "./platform-error";
import { requirePlanNode } from "./require-plan-node";
import { requireRunningMachine } from "./require-running-machine";
import { simOf } from "./sim-of";

export type NodeToUpgrade = {
  nodeId: string;
  sim: Sim;
  version: string;
  machine: SimMachine;
  current: SimObject<NodeSpec>;
  done: boolean;
};

/**
 * The node an upgrade step works on, with the version it goes to. `done` when it already runs that version and
 * takes pods (a step run again changes nothing).
 */
export function nodeToUpgrade(ctx: StepContext, groups: readonly NodeGroupId[]): NodeToUpgrade {
  const { node } = requirePlanNode(ctx, groups);
  const sim = simOf(ctx);
  const version = kubeVersion(ctx.environment.plan.version);
  const machine = requireRunningMachine(sim, node.id, `upgrade ${node.id}`);
  const current = sim.objects.get<NodeSpec>({ kind: "Node", name: node.id });
  if (!current) throw platformError("node-missing", `Cannot upgrade ${node.id}: it is not a node of the cluster.`);
  const done = current.spec.kubeletVersion === version && !current.spec.unschedulable;
  if (done) ctx.log(`${node.id} already runs ${version}; nothing to do.`);
  return { nodeId: node.id, sim, version, machine, current, done };
}
