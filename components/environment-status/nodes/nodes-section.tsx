import { memo } from "react";
import { TopologyPicture } from "@/components/install/topology-picture";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { NodeView } from "@/lib/live/status-snapshot";
import type { PlanNodeGroup } from "@/lib/plan";
import { StatusSection } from "../status-section";
import { nodeStateStyle, nodeStateStyles } from "./node-state-style";
import { tableNodes } from "./table-nodes";

function readyText(ready: boolean | null): string {
  return ready === null ? "—" : ready ? "Yes" : "No";
}

/** One row per machine that exists (group, hostname, IP, role, state, Kubernetes version, Ready) and the topology coloured by state. */
export const NodesSection = memo(function NodesSection({
  nodes,
  groups,
}: {
  nodes: NodeView[];
  groups: PlanNodeGroup[];
}) {
  const byHostname = new Map(nodes.map((n) => [n.hostname, n]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const planned = new Map(groups.flatMap((g) => g.nodes.map((n) => [n.id, n.hostname] as const)));
  const rows = tableNodes(nodes);
  const nodeClass = (nodeId: string) => {
    const hostname = planned.get(nodeId);
    return nodeStateStyle(byId.get(nodeId) ?? (hostname === undefined ? undefined : byHostname.get(hostname)))
      .className;
  };
  return (
    <StatusSection id="nodes" title="Nodes">
      <div className="flex flex-col gap-5">
        <div className="overflow-x-auto">
          <Table className="w-full text-sm">
            <TableCaption className="sr-only">Nodes of the environment and their state</TableCaption>
            <TableHeader className="text-xs text-slate-500">
              <TableRow>
                {["Group", "Hostname", "IP", "Role", "State", "Kubernetes", "Ready"].map((h) => (
                  <TableHead key={h} className="py-1.5 pr-3">
                    {h}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.length === 0 ? (
                <TableRow className="border-t border-slate-100">
                  <TableCell colSpan={7} className="py-3 text-slate-600">
                    {nodes.length === 0
                      ? "No machines yet: they are created in the first stage of the install."
                      : "No machines: every one was removed."}
                  </TableCell>
                </TableRow>
              ) : (
                rows.map((node) => {
                  const style = nodeStateStyle(node);
                  return (
                    <TableRow key={node.id} className="border-t border-slate-100">
                      <TableCell className="py-1.5 pr-3">{node.groupName}</TableCell>
                      <TableHead scope="row" className="py-1.5 pr-3 font-mono text-xs font-normal break-all">
                        {node.hostname}
                      </TableHead>
                      <TableCell className="py-1.5 pr-3 font-mono text-xs">{node.privateIp}</TableCell>
                      <TableCell className="py-1.5 pr-3">{node.role}</TableCell>
                      <TableCell className="py-1.5 pr-3">
                        <span className={cn("rounded border px-1.5 py-0.5 text-xs", style.className)}>
                          {style.label}
                        </span>
                      </TableCell>
                      <TableCell className="py-1.5 pr-3 tabular-nums">{node.kubernetesVersion ?? "—"}</TableCell>
                      <TableCell className="py-1.5">
                        {readyText(node.ready)}
                        {node.ready === null ? <span className="sr-only">not a Kubernetes node</span> : null}
                      </TableCell>
                    </TableRow>
                  );
                })
              )}
            </TableBody>
          </Table>
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
