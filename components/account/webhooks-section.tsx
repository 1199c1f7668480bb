"use client";

import { Plus } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { WebhookEndpointView } from "@/lib/data/webhooks/webhook-views";
import { AddEndpointDialog } from "./webhooks/add-endpoint-dialog";
import { callApi } from "./webhooks/call-api";
import { EndpointItem } from "./webhooks/endpoint-item";
import { SecretOnce } from "./webhooks/secret-once";

/**
 * The Account page's Webhooks section: the account's endpoints through /api/v1 with the browser's session — add
 * one (its secret shown once), enable or disable, rotate the secret, delete, and each one's delivery log with
 * Redeliver. It needs no props: everything comes from the API.
 */
export function WebhooksSection() {
  const [endpoints, setEndpoints] = useState<WebhookEndpointView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);

  useEffect(() => {
    void callApi<{ items: WebhookEndpointView[] }>("/webhooks?limit=200").then((result) => {
      if (result.ok) setEndpoints(result.body.items);
      else setError(result.error.message);
    });
  }, []);

  const replace = (next: WebhookEndpointView) =>
    setEndpoints((list) => (list ?? []).map((e) => (e.id === next.id ? next : e)));

  return (
    <section aria-labelledby="webhooks-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h2 id="webhooks-heading" className="font-semibold">
          Webhooks
        </h2>
        <Button size="sm" onClick={() => setAdding(true)}>
          <Plus aria-hidden="true" />
          Add endpoint
        </Button>
      </div>
      <p className="mb-4 text-sm text-slate-600">
        Clusterport tells your systems when installs, changes and deletions start, succeed or fail: one signed POST per
        event (Standard Webhooks), retried for about 27 hours while your endpoint does not answer with a 2xx.
      </p>
      <div className="flex flex-col gap-4">
        {secret ? <SecretOnce url={secret.url} secret={secret.secret} onDone={() => setSecret(null)} /> : null}
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {endpoints === null ? (
          error ? null : (
            <p className="text-sm text-slate-600">Loading your webhook endpoints…</p>
          )
        ) : endpoints.length === 0 ? (
          <p className="text-sm text-slate-600">No endpoints yet. Add one to receive events.</p>
        ) : (
          <ul aria-label="Webhook endpoints" className="flex flex-col gap-3">
            {endpoints.map((endpoint) => (
              <EndpointItem
                key={endpoint.id}
                endpoint={endpoint}
                onChanged={replace}
                onSecret={(url, value) => setSecret({ url, secret: value })}
                onDeleted={(id) => setEndpoints((list) => (list ?? []).filter((e) => e.id !== id))}
              />
            ))}
          </ul>
        )}
      </div>
      <AddEndpointDialog
        open={adding}
        onOpenChange={setAdding}
        onCreated={({ endpoint, secret: value }) => {
          setEndpoints((list) => [endpoint, ...(list ?? [])]);
          setSecret({ url: endpoint.url, secret: value });
        }}
      />
    </section>
  );
}
