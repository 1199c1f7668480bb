"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { topologies } from "@/lib/catalog";
import { isTerminal } from "@/lib/environments/environment-status";
import { formatMoney } from "@/lib/format/format-money";
import type { EnvironmentListItem } from "@/lib/live/build-environment-list";
import { StatusBadge } from "./status-badge";

const operationVerb: Record<string, string> = {
  install: "Installing",
  addons: "Activating add-ons on",
  cancel: "Cleaning up",
  delete: "Deleting",
};

/** The Environments table, kept current by the account feed (/api/environment-feed). */
export function EnvironmentList({ initial }: { initial: EnvironmentListItem[] }) {
  const [items, setItems] = useState(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/environment-feed");
    source.addEventListener("environments", (e) =>
      setItems(JSON.parse((e as MessageEvent<string>).data) as EnvironmentListItem[]),
    );
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    return () => source.close();
  }, []);

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <p role="status" className="sr-only">
        {live ? "Live updates on" : "Connecting to live updates"}
      </p>
      <Table className="w-full text-sm">
        <TableCaption className="sr-only">Your environments</TableCaption>
        <TableHeader className="bg-slate-50 text-slate-600">
          <TableRow>
            <TableHead className="px-4 py-2">Environment</TableHead>
            <TableHead className="px-4 py-2">Status</TableHead>
            <TableHead className="px-4 py-2">Topology</TableHead>
            <TableHead className="px-4 py-2">Kubernetes</TableHead>
            <TableHead className="px-4 py-2">Region</TableHead>
            <TableHead className="px-4 py-2 text-right">Nodes</TableHead>
            <TableHead className="px-4 py-2 text-right">Per month</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((e) => {
            const busy =
              e.operation &&
              (e.operation.status === "running" || e.operation.status === "queued") &&
              !isTerminal(e.status);
            return (
              <TableRow key={e.id} className="border-t border-slate-200">
                <TableHead scope="row" className="px-4 py-2 font-medium">
                  <Link href={`/environments/${e.name}`} className="text-blue-700 underline">
                    {e.displayName}
                  </Link>
                  <span className="block font-mono text-xs font-normal text-slate-500">{e.domain}</span>
                </TableHead>
                <TableCell className="px-4 py-2">
                  <StatusBadge status={e.status} />
                  {busy && e.operation ? (
                    <Progress
                      className="mt-1 w-32"
                      value={e.operation.progress}
                      label={`${operationVerb[e.operation.type] ?? "Working"} ${e.displayName}: ${e.operation.progress}%`}
                    />
                  ) : null}
                </TableCell>
                <TableCell className="px-4 py-2">{topologies[e.topology].name}</TableCell>
                <TableCell className="px-4 py-2">v{e.version}</TableCell>
                <TableCell className="px-4 py-2">{e.region.name}</TableCell>
                {isTerminal(e.status) ? (
                  // Deleted or cancelled: no nodes remain and nothing is charged, whatever the stored plan says.
                  <>
                    <TableCell className="px-4 py-2 text-right tabular-nums">0</TableCell>
                    <TableCell className="px-4 py-2 text-right">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">nothing</span>
                    </TableCell>
                  </>
                ) : (
                  <>
                    <TableCell className="px-4 py-2 text-right tabular-nums">{e.nodes}</TableCell>
                    <TableCell className="px-4 py-2 text-right tabular-nums">{formatMoney(e.monthlyPrice)}</TableCell>
                  </>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
