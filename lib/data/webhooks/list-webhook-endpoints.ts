import "server-only";
import { database } from "@/lib/db/database";
import { endpointColumns, endpointView, type EndpointRow, type WebhookEndpointView } from "./webhook-views";

/** The user's webhook endpoints, newest first. */
export async function listWebhookEndpoints(userId: string): Promise<WebhookEndpointView[]> {
  const { rows } = await database().query<EndpointRow>(`SELECT ${endpointColumns} FROM webhook_endpoint WHERE "userId" = $1 ORDER BY "createdAt" DESC, id`, [userId]);
  return rows.map(endpointView);
}
