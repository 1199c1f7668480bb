"use client";

import { memo, useState } from "react";
import { Field } from "@/components/ui/field";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { WorkloadsView } from "@/lib/live/status-snapshot";
import { StatusSection } from "../status-section";

const allNamespaces = "";

/**
 * What runs in the cluster, live: per namespace its workloads (ready/desired), pods (node and phase, and why a
 * Pending one waits), and services with their ports — what `kubectl get` would list, so a change made with
 * kubectl shows here too — and the cluster's quota (the user's pods and objects, used of hard), so a full cluster
 * says why its replicas are short.
 */
export const WorkloadsSection = memo(function WorkloadsSection({ workloads }: { workloads: WorkloadsView }) {
  const [namespace, setNamespace] = useState(workloads.namespaces.includes("default") ? "default" : allNamespaces);
  const inScope = <T extends { namespace: string }>(items: T[]) =>
    namespace === allNamespaces ? items : items.filter((i) => i.namespace === namespace);
  const shownWorkloads = inScope(workloads.workloads);
  const pods = inScope(workloads.pods);
  const services = inScope(workloads.services);
  const nsColumn = namespace === allNamespaces;
  return (
    <StatusSection id="workloads" title="Workloads">
      <div className="flex flex-col gap-4 text-sm">
        <Field id="workloads-namespace" label="Namespace" className="max-w-xs">
          <select
            id="workloads-namespace"
            value={namespace}
            onChange={(e) => setNamespace(e.target.value)}
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            <option value={allNamespaces}>All namespaces</option>
            {workloads.namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        {workloads.quota ? (
          <p className="text-slate-700">
            Cluster quota: pods {workloads.quota.pods.used}/{workloads.quota.pods.hard}, objects{" "}
            {workloads.quota.objects.used}/{workloads.quota.objects.hard}
          </p>
        ) : null}
        <WorkloadTable
          caption="Workloads"
          headers={[...(nsColumn ? ["Namespace"] : []), "Kind", "Name", "Ready", "Image"]}
          empty="No workloads in this namespace."
          rows={shownWorkloads.map((w) => ({
            key: `${w.namespace}/${w.kind}/${w.name}`,
            cells: [...(nsColumn ? [w.namespace] : []), w.kind, w.name, `${w.ready}/${w.desired}`, w.image],
          }))}
        />
        <WorkloadTable
          caption="Pods"
          headers={[...(nsColumn ? ["Namespace"] : []), "Name", "Node", "Status"]}
          empty="No pods in this namespace."
          rows={pods.map((p) => ({
            key: `${p.namespace}/${p.name}`,
            cells: [
              ...(nsColumn ? [p.namespace] : []),
              p.name,
              p.node ?? "—",
              p.phase === "Pending" && p.reason ? `Pending: ${p.reason}` : p.phase,
            ],
          }))}
        />
        <WorkloadTable
          caption="Services"
          headers={[...(nsColumn ? ["Namespace"] : []), "Name", "Type", "Cluster IP", "Ports"]}
          empty="No services in this namespace."
          rows={services.map((s) => ({
            key: `${s.namespace}/${s.name}`,
            cells: [...(nsColumn ? [s.namespace] : []), s.name, s.type, s.clusterIP, s.ports],
          }))}
        />
      </div>
    </StatusSection>
  );
});

function WorkloadTable({
  caption,
  headers,
  rows,
  empty,
}: {
  caption: string;
  headers: string[];
  rows: { key: string; cells: string[] }[];
  empty: string;
}) {
  return (
    <div className="overflow-x-auto">
      <Table className="w-full text-sm">
        <TableCaption className="mb-1 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {caption}
        </TableCaption>
        <TableHeader className="text-xs text-slate-500">
          <TableRow>
            {headers.map((h) => (
              <TableHead key={h} className="py-1.5 pr-3">
                {h}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow className="border-t border-slate-100">
              <TableCell colSpan={headers.length} className="py-2 text-slate-600">
                {empty}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((r) => (
              <TableRow key={r.key} className="border-t border-slate-100 align-top">
                {r.cells.map((c, i) => (
                  <TableCell
                    key={i}
                    className={`py-1.5 pr-3 ${headers[i] === "Name" ? "font-mono text-xs break-all" : ""}`}
                  >
                    {c}
                  </TableCell>
                ))}
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
