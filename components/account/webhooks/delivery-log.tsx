"use client";

import { useCallback, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableColumnHeads, TableRow } from "@/components/ui/table";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/data/webhooks/webhook-views";
import { formatUtc } from "@/lib/format/format-utc";
import { callApi, type ApiResult } from "./call-api";

/** Rows per "Show more". */
const pageSize = 20;
/** While the log is open it is read again this often: pending deliveries move on their own. */
const refreshMs = 3_000;

const statusBadge = {
  succeeded: { tone: "success", label: "Succeeded" },
  pending: { tone: "warning", label: "Pending" },
  failed: { tone: "danger", label: "Failed" },
} as const;

type DeliveriesResult = ApiResult<{ items: WebhookDeliveryView[]; nextCursor: string | null }>;

function readDeliveries(endpointId: string, limit: number): Promise<DeliveriesResult> {
  return callApi(`/webhooks/${endpointId}/deliveries?limit=${limit}`);
}

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

  const show = useCallback((result: DeliveriesResult) => {
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setPage({ items: result.body.items, more: result.body.nextCursor !== null });
  }, []);

  // The log is an external store read on a timer: state is set only when a read answers, and never by a read
  // started for an endpoint or limit that is no longer shown.
  useEffect(() => {
    let current = true;
    const read = () => {
      void readDeliveries(endpoint.id, limit).then((result) => {
        if (current) show(result);
      });
    };
    read();
    const timer = setInterval(read, refreshMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [endpoint.id, limit, show]);

  async function redeliver(delivery: WebhookDeliveryView) {
    setRedelivering(delivery.id);
    setNotice(null);
    const result = await callApi<WebhookDeliveryView>(`/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`, {
      method: "POST",
    });
    setRedelivering(null);
    setNotice(
      result.ok
        ? {
            ok: true,
            text: `${delivery.eventType} is being sent again; the new attempt appears at the top of the log.`,
          }
        : { ok: false, text: result.error.message },
    );
    if (result.ok) show(await readDeliveries(endpoint.id, limit));
  }

  return (
    <div className="flex flex-col gap-3">
      {notice ? <Alert tone={notice.ok ? "success" : "danger"}>{notice.text}</Alert> : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {page === null ? (
        <p className="text-sm text-slate-600">Loading the delivery log…</p>
      ) : page.items.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nothing sent yet: deliveries appear here when a subscribed event happens.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <Table className="w-full text-sm">
            <TableCaption className="sr-only">Deliveries to {endpoint.url}, newest first</TableCaption>
            <TableColumnHeads names={["Time", "Event", "Status", "Attempts", "Response", "Error"]} actions />
            <TableBody>
              {page.items.map((d) => (
                <TableRow key={d.id} className="border-t border-slate-100 align-top">
                  <TableCell className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                    <time dateTime={d.createdAt}>{formatUtc(d.createdAt)}</time>
                  </TableCell>
                  <TableCell className="py-1.5 pr-3">
                    <span className="font-mono text-[13px]">{d.eventType}</span>
                    {d.redeliveryOf ? <span className="block text-xs text-slate-500">Redelivery</span> : null}
                  </TableCell>
                  <TableCell className="py-1.5 pr-3">
                    <Badge tone={statusBadge[d.status].tone}>{statusBadge[d.status].label}</Badge>
                    {d.nextAttemptAt && d.attempts > 0 ? (
                      <span className="block text-xs text-slate-500">next attempt {formatUtc(d.nextAttemptAt)}</span>
                    ) : null}
                  </TableCell>
                  <TableCell className="py-1.5 pr-3 tabular-nums">
                    {d.attempts} of {d.maxAttempts}
                  </TableCell>
                  <TableCell className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                    {d.lastStatusCode ?? (d.attempts > 0 ? "no answer" : "—")}
                    {d.lastDurationMs !== null ? (
                      <span className="text-slate-500"> · {d.lastDurationMs} ms</span>
                    ) : null}
                  </TableCell>
                  <TableCell className="max-w-xs py-1.5 pr-3 break-words text-slate-700">{d.lastError ?? ""}</TableCell>
                  <TableCell className="py-1.5">
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
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {page?.more && limit < 200 ? (
        <Button
          variant="ghost"
          size="sm"
          className="self-start"
          onClick={() => setLimit((n) => Math.min(200, n + pageSize))}
        >
          Show older deliveries
        </Button>
      ) : null}
    </div>
  );
}
