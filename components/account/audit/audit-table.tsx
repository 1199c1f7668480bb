import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEventView } from "@/lib/data/audit/list-audit-events";
import { formatUtc } from "@/lib/format/format-utc";
import { auditActionLabels } from "./audit-actions";

/** Details as `key: value` pairs on one line (secrets were masked when they were recorded). */
function details(d: Record<string, unknown>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" · ");
}

export function AuditTable({ events }: { events: AuditEventView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <Table className="w-full text-sm">
        <TableCaption className="sr-only">Audit log events, newest first</TableCaption>
        <TableHeader className="bg-slate-50 text-xs text-slate-500">
          <TableRow>
            <TableHead className="px-3 py-2">Time (UTC)</TableHead>
            <TableHead className="px-3 py-2">Action</TableHead>
            <TableHead className="px-3 py-2">Target</TableHead>
            <TableHead className="px-3 py-2">By</TableHead>
            <TableHead className="px-3 py-2">From</TableHead>
            <TableHead className="px-3 py-2">Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.length === 0 ? (
            <TableRow>
              <TableCell colSpan={6} className="px-3 py-4 text-slate-600">
                No events match these filters.
              </TableCell>
            </TableRow>
          ) : (
            events.map((e) => (
              <TableRow key={e.id} className="border-t border-slate-100 align-top">
                <TableCell className="px-3 py-2 whitespace-nowrap tabular-nums">
                  <time dateTime={e.at}>{formatUtc(e.at)}</time>
                </TableCell>
                <TableHead scope="row" className="px-3 py-2 font-medium">
                  {auditActionLabels[e.action] ?? e.action}
                  {e.outcome === "failure" ? (
                    <Badge tone="danger" className="ml-2">
                      Failed
                    </Badge>
                  ) : null}
                  <span className="block font-mono text-xs font-normal text-slate-500">{e.action}</span>
                </TableHead>
                <TableCell className="px-3 py-2">{e.target || "—"}</TableCell>
                <TableCell className="px-3 py-2">
                  {e.via === "browser" ? "Browser" : e.via.startsWith("token:") ? `API token ${e.via.slice(6)}` : e.via}
                </TableCell>
                <TableCell className="px-3 py-2">
                  {e.ip || "—"}
                  {e.userAgent ? (
                    <span className="block max-w-48 truncate text-xs text-slate-500" title={e.userAgent}>
                      {e.userAgent}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="px-3 py-2 text-xs text-slate-600">{details(e.details) || "—"}</TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
