import { cloudletCpuMHz, cloudletRamMiB, nodeGroupById, nodeGroupOrder, type NodeGroupId } from "@/lib/catalog";
import type { PlanNode, PlanNodeGroup } from "./types";

/** Explicit node ids per group, in order; a group not named here is numbered from 1. */
export type NodeIds = Partial<Record<NodeGroupId, readonly string[]>>;

/** "cp-12" → 12. */
export function nodeIndex(nodeId: string): number {
  return Number(/-(\d+)$/.exec(nodeId)?.[1] ?? 0);
}

/**
 * Groups in display order; a group with no nodes (mbl in development, storage when off) is left out. Node ids
 * are `${group}-1` … `${group}-N`, except where `nodeIds` names them: after scaling, the workers keep the ids
 * they have and new ones continue past the highest ever used, so a removed node's id is never reused.
 */
export function buildNodeGroups(
  counts: Record<NodeGroupId, number>,
  domain: string,
  nodeIds: NodeIds = {},
): PlanNodeGroup[] {
  return nodeGroupOrder
    .filter((id) => counts[id] > 0)
    .map((id) => {
      const spec = nodeGroupById[id];
      const ids = nodeIds[id] ?? Array.from({ length: counts[id] }, (_, i) => `${id}-${i + 1}`);
      const count = ids.length;
      const nodes: PlanNode[] = ids.map((nodeId) => ({
        id: nodeId,
        group: id,
        index: nodeIndex(nodeId),
        hostname: `${nodeId}.${domain}`,
      }));
      const note = noteFor(spec.role, count);
      return {
        id,
        name: spec.name,
        role: spec.role,
        stack: spec.stack,
        count,
        scalable: spec.role === "worker",
        reservedCloudlets: spec.reservedCloudlets,
        cloudletLimit: spec.cloudletLimit,
        ramMiB: spec.reservedCloudlets * cloudletRamMiB,
        cpuMHz: spec.reservedCloudlets * cloudletCpuMHz,
        diskGb: spec.diskGb,
        nodes,
        ...(note === undefined ? {} : { note }),
      };
    });
}

function noteFor(role: PlanNodeGroup["role"], count: number): string | undefined {
  switch (role) {
    case "api-balancer":
      return "HAProxy, TCP 6443 to the control planes";
    case "control-plane":
      return count > 1
        ? `kubeadm control plane with stacked etcd across ${count} nodes; fixed size`
        : "kubeadm control plane with etcd; fixed size";
    case "worker":
      return "Scalable; runs the ingress controller on ports 80/443";
    case "storage":
      // A multi-node shared storage is the platform's GlusterFS auto-cluster; one node is plain NFS.
      return count > 1 ? `GlusterFS replicated volume across ${count} nodes, mounted over NFS` : "NFS server";
    default:
      return undefined;
  }
}
