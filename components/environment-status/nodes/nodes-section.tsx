import { memo } from "react";
import { TopologyPicture } from "@/components/install/topology-picture";
import { cn } from "@/components/ui/cn";
import type { NodeView } from "@/lib/live/status-snapshot";
import type { PlanNodeGroup } from "@/lib/plan";
import { nodeStateStyle, nodeStateStyles } from "./node-state-style";
import { tableNodes } from "./table-nodes";
import { StatusSection } from "../status-section";

function readyText(ready: boolean | null): string {
  return ready === null ? "—" : ready ? "Yes" : "No";
}

/** One row per machine that exists (group, hostname, IP, role, state, Kubernetes version, Ready) and the topology coloured by state. */
export const NodesSection = memo(function NodesSection({ nodes, groups }: { nodes: NodeView[]; groups: PlanNodeGroup[] }) {
  const byHostname = new Map(nodes.map((n) => [n.hostname, n]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const planned = new Map(groups.flatMap((g) => g.nodes.map((n) => [n.id, n.hostname] as const)));
  const rows = tableNodes(nodes);
  const nodeClass = (nodeId: string) => {
    const hostname = planned.get(nodeId);
    return nodeStateStyle(byId.get(nodeId) ?? (hostname === undefined ? undefined : byHostname.get(hostname))).className;
  };
  return (
    <StatusSection id="nodes" title="Nodes">
      <div className="flex flex-col gap-5">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Nodes of the environment and their state</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                {["Group", "Hostname", "IP", "Role", "State", "Kubernetes", "Ready"].map((h) => (
                  <th key={h} scope="col" className="py-1.5 pr-3 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr className="border-t border-slate-100">
                  <td colSpan={7} className="py-3 text-slate-600">
                    {nodes.length === 0 ? "No machines yet: they are created in the first stage of the install." : "No machines: every one was removed."}
                  </td>
                </tr>
              ) : (
                rows.map((node) => {
                  const style = nodeStateStyle(node);
                  return (
                    <tr key={node.id} className="border-t border-slate-100">
                      <td className="py-1.5 pr-3">{node.groupName}</td>
                      <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-normal break-all">
                        {node.hostname}
                      </th>
                      <td className="py-1.5 pr-3 font-mono text-xs">{node.privateIp}</td>
                      <td className="py-1.5 pr-3">{node.role}</td>
                      <td className="py-1.5 pr-3">
                        <span className={cn("rounded border px-1.5 py-0.5 text-xs", style.className)}>{style.label}</span>
                      </td>
                      <td className="py-1.5 pr-3 tabular-nums">{node.kubernetesVersion ?? "—"}</td>
                      <td className="py-1.5">
                        {readyText(node.ready)}
                        {node.ready === null ? <span className="sr-only">not a Kubernetes node</span> : null}
                      </td>
                    </tr>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
        <div className="flex flex-col gap-2">
          <TopologyPicture groups={groups} nodeClass={nodeClass} label="Topology, each node coloured by its state" />
          <ul aria-label="Legend" className="flex flex-wrap gap-2 text-xs text-slate-600">
            {Object.values(nodeStateStyles).map((s) => (
              <li key={s.label} className="inline-flex items-center gap-1">
                <span aria-hidden="true" className={cn("inline-block size-3 rounded-sm border", s.className)} />
                {s.label}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </StatusSection>
  );
});
