import "server-only";
import { database } from "@/lib/db/database";
import { ValidationError } from "@/lib/errors";
import { deliveryColumns, deliveryView, findOwnEndpoint, type DeliveryRow, type WebhookDeliveryView } from "./webhook-views";

/** Where a page ends, for the next one: the last delivery's time and id. */
export function deliveryPosition(d: WebhookDeliveryView): string {
  return `${d.createdAt}_${d.id}`;
}

/**
 * A page of an endpoint's delivery log, newest first: `before` is the position the previous page ended at (keyset,
 * so pages do not shift as deliveries arrive). 404 for another account's endpoint.
 */
export async function listWebhookDeliveries(userId: string, endpointId: string, page: { limit: number; before?: string }): Promise<{ items: WebhookDeliveryView[]; more: boolean }> {
  await findOwnEndpoint(userId, endpointId);
  const values: unknown[] = [endpointId, page.limit + 1];
  let after = "";
  if (page.before !== undefined) {
    const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(.+)$/.exec(page.before);
    if (!match) throw new ValidationError({ cursor: "This cursor is not one the API gave: pass the nextCursor of the previous page, or none for the first." });
    values.push(new Date(match[1]!), match[2]);
    after = `AND ("createdAt", id) < ($3, $4)`;
  }
  const { rows } = await database().query<DeliveryRow>(
    `SELECT ${deliveryColumns} FROM webhook_delivery WHERE "endpointId" = $1 ${after} ORDER BY "createdAt" DESC, id DESC LIMIT $2`,
    values,
  );
  return { items: rows.slice(0, page.limit).map(deliveryView), more: rows.length > page.limit };
}
