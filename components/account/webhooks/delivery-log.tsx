"use client";

import { useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/data/webhooks/webhook-views";
import { formatUtc } from "@/lib/format/format-utc";
import { callApi } from "./call-api";

/** Rows per "Show more". */
const pageSize = 20;
/** While the log is open it is read again this often: pending deliveries move on their own. */
const refreshMs = 3_000;

const statusBadge = {
  succeeded: { tone: "success", label: "Succeeded" },
  pending: { tone: "warning", label: "Pending" },
  failed: { tone: "danger", label: "Failed" },
} as const;

/**
 * An endpoint's deliveries, newest first (time, event, status, attempts, response code and time, error), read
 * again every few seconds while shown, with a Redeliver button per delivery.
 */
export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpointView }) {
  const [limit, setLimit] = useState(pageSize);
  const [page, setPage] = useState<{ items: WebhookDeliveryView[]; more: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [redelivering, setRedelivering] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const load = useCallback(async () => {
    const result = await callApi<{ items: WebhookDeliveryView[]; nextCursor: string | null }>(`/webhooks/${endpoint.id}/deliveries?limit=${limit}`);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setPage({ items: result.body.items, more: result.body.nextCursor !== null });
  }, [endpoint.id, limit]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, [load]);

  async function redeliver(delivery: WebhookDeliveryView) {
    setRedelivering(delivery.id);
    setNotice(null);
    const result = await callApi<WebhookDeliveryView>(`/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`, { method: "POST" });
    setRedelivering(null);
    setNotice(result.ok ? { ok: true, text: `${delivery.eventType} is being sent again; the new attempt appears at the top of the log.` } : { ok: false, text: result.error.message });
    if (result.ok) await load();
  }

  return (
    <div className="flex flex-col gap-3">
      {notice ? <Alert tone={notice.ok ? "success" : "danger"}>{notice.text}</Alert> : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {page === null ? (
        <p className="text-sm text-slate-600">Loading the delivery log…</p>
      ) : page.items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing sent yet: deliveries appear here when a subscribed event happens.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Deliveries to {endpoint.url}, newest first
            </caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1.5 pr-3 font-medium">Time</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Event</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Status</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Attempts</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Response</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Error</th>
                <th scope="col" className="py-1.5 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((d) => (
                <tr key={d.id} className="border-t border-slate-100 align-top">
                  <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                    <time dateTime={d.createdAt}>{formatUtc(d.createdAt)}</time>
                  </td>
                  <td className="py-1.5 pr-3">
                    <span className="font-mono text-[13px]">{d.eventType}</span>
                    {d.redeliveryOf ? <span className="block text-xs text-slate-500">Redelivery</span> : null}
                  </td>
                  <td className="py-1.5 pr-3">
                    <Badge tone={statusBadge[d.status].tone}>{statusBadge[d.status].label}</Badge>
                    {d.nextAttemptAt && d.attempts > 0 ? <span className="block text-xs text-slate-500">next attempt {formatUtc(d.nextAttemptAt)}</span> : null}
                  </td>
                  <td className="py-1.5 pr-3 tabular-nums">
                    {d.attempts} of {d.maxAttempts}
                  </td>
                  <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                    {d.lastStatusCode ?? (d.attempts > 0 ? "no answer" : "—")}
                    {d.lastDurationMs !== null ? <span className="text-slate-500"> · {d.lastDurationMs} ms</span> : null}
                  </td>
                  <td className="max-w-xs py-1.5 pr-3 break-words text-slate-700">{d.lastError ?? ""}</td>
                  <td className="py-1.5">
                    <Button
                      size="sm"
                      variant="secondary"
                      loading={redelivering === d.id}
                      disabled={!endpoint.enabled}
                      aria-label={`Redeliver ${d.eventType} of ${formatUtc(d.createdAt)}`}
                      onClick={() => void redeliver(d)}
                    >
                      Redeliver
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.more && limit < 200 ? (
        <Button variant="ghost" size="sm" className="self-start" onClick={() => setLimit((n) => Math.min(200, n + pageSize))}>
          Show older deliveries
        </Button>
      ) : null}
    </div>
  );
}
