"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { DialogClose } from "@/components/ui/dialog-close";
import { DialogContent } from "@/components/ui/dialog-content";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ApiErrorDetail } from "@/lib/api-v1/read-api-error";
import type { WebhookEndpointView } from "@/lib/data/webhooks/webhook-views";
import { webhookEventDescriptions, webhookEventTypes, type WebhookEventType } from "@/lib/webhooks/event-types";
import { callApi } from "./call-api";

export type CreatedEndpoint = { endpoint: WebhookEndpointView; secret: string };

const urlDescription = "https:// and a public address; the request is a POST with a JSON body.";

/**
 * POST /api/v1/webhooks: the URL, an optional description and the events, each checkbox with its sentence. A
 * refused URL (not https, a private address…) is told under the field, in words.
 */
export function AddEndpointDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  onCreated(created: CreatedEndpoint): void;
}) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiErrorDetail | null>(null);

  function reset() {
    setUrl("");
    setDescription("");
    setEvents([]);
    setError(null);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const result = await callApi<WebhookEndpointView & { secret: string }>("/webhooks", {
      method: "POST",
      body: { url, description, events },
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { secret, ...endpoint } = result.body;
    reset();
    onOpenChange(false);
    onCreated({ endpoint, secret });
  }

  const fieldError = (name: string) => error?.fieldErrors[name];
  const eventsError = fieldError("events");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent
        title="Add a webhook endpoint"
        description="Clusterport POSTs the events you choose to this URL, signed as Standard Webhooks specifies."
        onEscapeKeyDown={(e) => pending && e.preventDefault()}
        onInteractOutside={(e) => pending && e.preventDefault()}
        footer={
          <>
            <DialogClose>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" form="add-webhook-form" loading={pending}>
              Add endpoint
            </Button>
          </>
        }
      >
        <form id="add-webhook-form" className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
          <Field id="webhook-url" label="Endpoint URL" description={urlDescription} error={fieldError("url")} required>
            <Input
              {...fieldAria("webhook-url", { error: fieldError("url"), description: urlDescription, required: true })}
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              maxLength={2048}
              placeholder="https://example.com/hooks/clusterport"
              autoComplete="off"
              spellCheck={false}
              mono
            />
          </Field>
          <Field
            id="webhook-description"
            label="Description"
            description="Optional: what receives these events."
            error={fieldError("description")}
          >
            <Input
              {...fieldAria("webhook-description", {
                error: fieldError("description"),
                description: "Optional: what receives these events.",
              })}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={200}
              placeholder="e.g. Deploy bot"
            />
          </Field>
          <fieldset className="flex flex-col gap-2" aria-describedby={eventsError ? "webhook-events-error" : undefined}>
            <legend className="mb-1 text-sm font-medium text-slate-900">
              Events
              <span aria-hidden="true" className="ml-0.5 text-red-600">
                *
              </span>
            </legend>
            {webhookEventTypes.map((type) => (
              <Checkbox
                key={type}
                id={`webhook-event-${type.replaceAll(".", "-")}`}
                checked={events.includes(type)}
                onCheckedChange={(checked) =>
                  setEvents((list) => (checked ? [...list, type] : list.filter((t) => t !== type)))
                }
                label={<span className="font-mono text-[13px]">{type}</span>}
                description={webhookEventDescriptions[type]}
              />
            ))}
            {eventsError ? (
              <p id="webhook-events-error" role="alert" className="text-xs font-medium text-red-700">
                {eventsError}
              </p>
            ) : null}
          </fieldset>
          {error && Object.keys(error.fieldErrors).length === 0 ? <Alert tone="danger">{error.message}</Alert> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
