import { Badge } from "@/components/ui/badge";
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
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit log events, newest first</caption>
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Time (UTC)</th>
            <th scope="col" className="px-3 py-2 font-medium">Action</th>
            <th scope="col" className="px-3 py-2 font-medium">Target</th>
            <th scope="col" className="px-3 py-2 font-medium">By</th>
            <th scope="col" className="px-3 py-2 font-medium">From</th>
            <th scope="col" className="px-3 py-2 font-medium">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-4 text-slate-600">
                No events match these filters.
              </td>
            </tr>
          ) : (
            events.map((e) => (
              <tr key={e.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  <time dateTime={e.at}>{formatUtc(e.at)}</time>
                </td>
                <th scope="row" className="px-3 py-2 font-medium">
                  {auditActionLabels[e.action] ?? e.action}
                  {e.outcome === "failure" ? (
                    <Badge tone="danger" className="ml-2">
                      Failed
                    </Badge>
                  ) : null}
                  <span className="block font-mono text-xs font-normal text-slate-500">{e.action}</span>
                </th>
                <td className="px-3 py-2">{e.target || "—"}</td>
                <td className="px-3 py-2">{e.via === "browser" ? "Browser" : e.via.startsWith("token:") ? `API token ${e.via.slice(6)}` : e.via}</td>
                <td className="px-3 py-2">
                  {e.ip || "—"}
                  {e.userAgent ? <span className="block max-w-48 truncate text-xs text-slate-500" title={e.userAgent}>{e.userAgent}</span> : null}
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">{details(e.details) || "—"}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
