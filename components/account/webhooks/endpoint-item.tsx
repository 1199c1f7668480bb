"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import type { WebhookEndpointView } from "@/lib/data/webhooks/webhook-views";
import { callApi } from "./call-api";
import { ConfirmDialog } from "./confirm-dialog";
import { DeliveryLog } from "./delivery-log";

type Confirming = "rotate" | "delete" | null;

/** One endpoint: its URL, description and events; enable or disable it, rotate its secret, delete it, read its log. */
export function EndpointItem({
  endpoint,
  onChanged,
  onSecret,
  onDeleted,
}: {
  endpoint: WebhookEndpointView;
  onChanged(endpoint: WebhookEndpointView): void;
  onSecret(url: string, secret: string): void;
  onDeleted(id: string): void;
}) {
  const [logOpen, setLogOpen] = useState(false);
  const [toggling, setToggling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [pending, setPending] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  async function setEnabled(enabled: boolean) {
    setToggling(true);
    setError(null);
    const result = await callApi<WebhookEndpointView>(`/webhooks/${endpoint.id}`, {
      method: "PATCH",
      body: { enabled },
    });
    setToggling(false);
    if (result.ok) onChanged(result.body);
    else setError(result.error.message);
  }

  async function confirm() {
    setPending(true);
    setConfirmError(null);
    const result =
      confirming === "rotate"
        ? await callApi<{ secret: string }>(`/webhooks/${endpoint.id}/rotate-secret`, { method: "POST" })
        : await callApi<null>(`/webhooks/${endpoint.id}`, { method: "DELETE" });
    setPending(false);
    if (!result.ok) {
      setConfirmError(result.error.message);
      return;
    }
    setConfirming(null);
    if (result.body && "secret" in result.body) onSecret(endpoint.url, result.body.secret);
    else onDeleted(endpoint.id);
  }

  const switchId = `webhook-enabled-${endpoint.id}`;
  const logId = `webhook-log-${endpoint.id}`;
  return (
    <li className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h3 className="font-mono text-sm font-medium break-all">{endpoint.url}</h3>
          {endpoint.description ? <p className="text-sm text-slate-600">{endpoint.description}</p> : null}
          <p className="text-xs text-slate-500">Events: {endpoint.events.join(", ")}</p>
          {endpoint.disabledReason ? (
            <p role="note" className="text-sm text-amber-800">
              {endpoint.disabledReason}
            </p>
          ) : null}
        </div>
        <div className="flex items-center gap-2">
          <Badge tone={endpoint.enabled ? "success" : "neutral"}>{endpoint.enabled ? "Sending" : "Paused"}</Badge>
          <Switch
            id={switchId}
            checked={endpoint.enabled}
            disabled={toggling}
            aria-label={`Enabled: ${endpoint.url}`}
            onCheckedChange={(on) => void setEnabled(on)}
          />
          <label htmlFor={switchId} className="cursor-pointer text-sm">
            Enabled
          </label>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          aria-expanded={logOpen}
          aria-controls={logId}
          onClick={() => setLogOpen((open) => !open)}
        >
          Delivery log
        </Button>
        <Button
          size="sm"
          variant="secondary"
          aria-label={`Rotate secret of ${endpoint.url}`}
          onClick={() => setConfirming("rotate")}
        >
          Rotate secret
        </Button>
        <Button
          size="sm"
          variant="danger"
          aria-label={`Delete ${endpoint.url}`}
          onClick={() => setConfirming("delete")}
        >
          Delete
        </Button>
      </div>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {logOpen ? (
        <div id={logId}>
          <DeliveryLog endpoint={endpoint} />
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => {
          if (!open) {
            setConfirming(null);
            setConfirmError(null);
          }
        }}
        title={confirming === "rotate" ? "Rotate the signing secret?" : "Delete this webhook endpoint?"}
        description={
          confirming === "rotate"
            ? `A new secret signs every request to ${endpoint.url} from now on. For 24 hours the old one signs them too, so your receiver keeps verifying while you update it.`
            : `${endpoint.url} gets no more events, and its delivery log is deleted with it.`
        }
        confirmLabel={confirming === "rotate" ? "Rotate secret" : "Delete endpoint"}
        danger={confirming === "delete"}
        pending={pending}
        error={confirmError}
        onConfirm={() => void confirm()}
      />
    </li>
  );
}
