import { nodeGroups } from "@/lib/catalog";
import type { StepHandler } from "@/lib/engine/step-context";
import { platformError } from "./platform-error";
import { requirePlanNode } from "./require-plan-node";
import { simOf } from "./sim-of";

/**
 * setup-api-balancer:mbl-N (production) — an HAProxy node with a TCP map 6443 → 6443 ("CPlane balancing").
 * Its backends (facts.backends) are filled as control planes come up: init-main-cplane adds k8sm-1, each
 * init-secondary-cplane its node, remove-node takes them out.
 */
export const setupApiBalancer: StepHandler = (ctx) => {
  const { node, group } = requirePlanNode(ctx, [nodeGroups.balancers.id]);
  const sim = simOf(ctx);
  const existing = sim.machines.get(node.id);
  if (existing?.state === "running" && existing.facts.role === "api-balancer") {
    ctx.log(`API balancer ${node.id} is already set up (${existing.privateIp}); nothing to do.`);
    return { node: node.id, privateIp: existing.privateIp };
  }
  if (existing?.state === "removed") {
    throw platformError("machine-removed", `Machine ${node.id} has been removed; it cannot be set up again.`);
  }
  const { machine } = sim.machines.create({ nodeId: node.id, nodeGroup: group.id, hostname: node.hostname });
  ctx.log(`Creating ${node.id} (HAProxy, ${group.reservedCloudlets} cloudlets) at ${machine.privateIp}`);
  sim.machines.setState(node.id, "booting");
  ctx.log("HAProxy: frontend :6443 mode tcp → backend cplane (CPlane balancing, tcp-check, fall 3 rise 2)");
  ctx.log("HAProxy: stats socket enabled, bind :80 disabled");
  sim.machines.mergeFacts(node.id, { role: "api-balancer", prepared: true, backends: [] });
  sim.machines.setState(node.id, "running");
  ctx.log(`${node.id} is running; control planes are added to its backend as they come up`);
  return { node: node.id, privateIp: machine.privateIp };
};
