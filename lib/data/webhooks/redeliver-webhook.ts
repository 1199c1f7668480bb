import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { auditTarget, deliveryColumns, deliveryView, findOwnEndpoint, type DeliveryRow, type WebhookDeliveryView } from "./webhook-views";

/**
 * Sends a delivery's message again, as a new delivery in the log: the same webhook-id and payload (so a receiver
 * that keeps the ids it handled can tell it is the same message), a new timestamp and signature when it is sent.
 * It is tried once, at once — a person asked for it and watches the result — not on the retry schedule.
 */
export async function redeliverWebhook(userId: string, endpointId: string, deliveryId: string, audit: AuditContext): Promise<WebhookDeliveryView> {
  const endpoint = await findOwnEndpoint(userId, endpointId);
  if (!endpoint.enabled) throw new ConflictError("This endpoint is disabled: enable it first, then redeliver.");
  const now = audit.now ?? new Date();
  const { rows } = await database().query<DeliveryRow>(
    `INSERT INTO webhook_delivery (id, "endpointId", "messageId", "eventType", payload, status, attempts, "nextAttemptAt", "createdAt", "redeliveryOf")
     SELECT $1, d."endpointId", d."messageId", d."eventType", d.payload, 'pending', 0, $4, $4, d.id
       FROM webhook_delivery d WHERE d.id = $3 AND d."endpointId" = $2
     RETURNING ${deliveryColumns}`,
    [randomUUID(), endpointId, deliveryId, now],
  );
  if (!rows[0]) throw new NotFoundError("There is no such delivery for this endpoint.");
  const delivery = deliveryView(rows[0]);
  await recordAudit(audit, { action: "webhook.redeliver", target: auditTarget(endpoint.url), details: { id: endpointId, delivery: deliveryId, messageId: delivery.messageId, eventType: delivery.eventType } });
  return delivery;
}
