/**
 * The events a webhook endpoint can subscribe to (pure data: the engine, the API and the Account page share it).
 * Each is sent with the payload of docs/webhooks.md: the environment and the operation it is about.
 */
export const webhookEventTypes = [
  "environment.install.succeeded",
  "environment.install.failed",
  "environment.deleted",
  "environment.autoscaled",
  "operation.started",
  "operation.succeeded",
  "operation.failed",
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/** One sentence per event, shown beside its checkbox and in the API reference. */
export const webhookEventDescriptions: Readonly<Record<WebhookEventType, string>> = {
  "environment.install.succeeded": "An install finished: the cluster is running and its endpoints answer.",
  "environment.install.failed":
    "An install stopped on a step that failed for good; the payload says which step, why and who can fix it.",
  "environment.deleted": "An environment was torn down: its nodes are gone and its name is free again.",
  "environment.autoscaled": "The worker autoscaler added or removed a worker, and the change is done.",
  "operation.started": "Any operation began: an install, a day-2 change, a cancel or a delete.",
  "operation.succeeded": "Any operation finished with every step done.",
  "operation.failed": "Any operation stopped on a failed step (a failed day-2 change leaves the cluster running).",
};

/** What every delivery carries (the Standard Webhooks payload structure: type, timestamp, data). Never secrets. */
export type WebhookPayload = {
  type: WebhookEventType;
  /** When the event happened (ISO 8601); each attempt's own time is in the webhook-timestamp header. */
  timestamp: string;
  data: {
    environment: { id: string; name: string; status: string };
    operation: { id: string; type: string; status: string; summary: string; error?: Record<string, unknown> };
  };
};
