import type { NodeGroupId } from "@/lib/catalog";
import type { StepContext } from "@/lib/engine/step-context";
import type { PlanNode, PlanNodeGroup } from "@/lib/plan";
import { platformError } from "./platform-error";

/** The plan's node this per-node step runs for (ctx.step.node), checked to belong to one of `groups`. */
export function requirePlanNode(
  ctx: StepContext,
  groups: readonly NodeGroupId[],
): { node: PlanNode; group: PlanNodeGroup } {
  const nodeId = ctx.step.node;
  if (nodeId === undefined) {
    throw platformError("step-without-node", `Step ${ctx.step.key} must name a node (${ctx.step.name}:<node>).`);
  }
  for (const group of ctx.environment.plan.nodeGroups) {
    const node = group.nodes.find((n) => n.id === nodeId);
    if (node && groups.includes(group.id)) return { node, group };
  }
  throw platformError("unknown-node", `Node ${nodeId} is not a ${groups.join("/")} node of this environment's plan.`);
}
