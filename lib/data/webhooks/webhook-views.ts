import "server-only";
import { database } from "@/lib/db/database";
import { NotFoundError } from "@/lib/errors";
import { webhookEventTypes, type WebhookEventType, type WebhookPayload } from "@/lib/webhooks/event-types";
import { maxAttempts } from "@/lib/webhooks/retry-schedule";

/** An endpoint as its owner sees it: never its secret. */
export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  /** Why Clusterport disabled it (a receiver that kept failing), or null. */
  disabledReason: string | null;
  createdAt: string;
};

/** One message to one endpoint, and how its attempts went; `payload` only when asked for one delivery. */
export type WebhookDeliveryView = {
  id: string;
  /** The webhook-id header: shared by every attempt and every redelivery of the message. */
  messageId: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  /** 8 on the Standard Webhooks schedule; 1 for a redelivery. */
  maxAttempts: number;
  /** When the next attempt is due, while pending. */
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** The delivery this one repeats, when a person asked for a redelivery. */
  redeliveryOf: string | null;
};

export type EndpointRow = { id: string; url: string; description: string; events: string[]; enabled: boolean; disabledReason: string | null; createdAt: Date };
export type DeliveryRow = {
  id: string;
  messageId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  redeliveryOf: string | null;
  payload?: WebhookPayload;
};

export const endpointColumns = `id, url, description, events, enabled, "disabledReason", "createdAt"`;
export const deliveryColumns = `id, "messageId", "eventType", status, attempts, "nextAttemptAt", "lastStatusCode", "lastDurationMs", "lastError", "createdAt", "finishedAt", "redeliveryOf"`;

/** Most endpoints one account may have. */
export const maxWebhookEndpoints = 20;

export function endpointView(r: EndpointRow): WebhookEndpointView {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: webhookEventTypes.filter((t) => r.events.includes(t)),
    enabled: r.enabled,
    disabledReason: r.disabledReason,
    createdAt: r.createdAt.toISOString(),
  };
}

export function deliveryView(r: DeliveryRow): WebhookDeliveryView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    messageId: r.messageId,
    eventType: r.eventType,
    status: r.status === "succeeded" || r.status === "failed" ? r.status : "pending",
    attempts: r.attempts,
    maxAttempts: r.redeliveryOf ? 1 : maxAttempts,
    nextAttemptAt: r.status === "pending" ? iso(r.nextAttemptAt) : null,
    lastStatusCode: r.lastStatusCode,
    lastDurationMs: r.lastDurationMs,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    redeliveryOf: r.redeliveryOf,
  };
}

/** The user's endpoint `id`, or 404 (also for another account's: its existence is not told). */
export async function findOwnEndpoint(userId: string, id: string): Promise<EndpointRow> {
  const { rows } = await database().query<EndpointRow>(`SELECT ${endpointColumns} FROM webhook_endpoint WHERE id = $1 AND "userId" = $2`, [id, userId]);
  if (!rows[0]) throw new NotFoundError("There is no such webhook endpoint in your account.");
  return rows[0];
}

/** Where the audit log says an endpoint is: its URL's origin (a path or query may carry a receiver's own token). */
export function auditTarget(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url.slice(0, 100);
}
