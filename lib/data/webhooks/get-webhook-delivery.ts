import "server-only";
import { database } from "@/lib/db/database";
import { NotFoundError } from "@/lib/errors";
import type { WebhookPayload } from "@/lib/webhooks/event-types";
import { deliveryColumns, deliveryView, findOwnEndpoint, type DeliveryRow, type WebhookDeliveryView } from "./webhook-views";

/** One delivery of the user's endpoint, with the payload it sends. */
export async function getWebhookDelivery(userId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView & { payload: WebhookPayload }> {
  await findOwnEndpoint(userId, endpointId);
  const { rows } = await database().query<DeliveryRow & { payload: WebhookPayload }>(
    `SELECT ${deliveryColumns}, payload FROM webhook_delivery WHERE id = $1 AND "endpointId" = $2`,
    [deliveryId, endpointId],
  );
  if (!rows[0]) throw new NotFoundError("There is no such delivery for this endpoint.");
  return { ...deliveryView(rows[0]), payload: rows[0].payload };
}
