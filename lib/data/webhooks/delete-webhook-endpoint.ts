import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { NotFoundError } from "@/lib/errors";
import { auditTarget } from "./webhook-views";

/** Deletes an endpoint and its delivery log; deliveries still pending are dropped with it. */
export async function deleteWebhookEndpoint(userId: string, id: string, audit: AuditContext): Promise<void> {
  const { rows } = await database().query<{ url: string }>(`DELETE FROM webhook_endpoint WHERE id = $1 AND "userId" = $2 RETURNING url`, [id, userId]);
  if (!rows[0]) throw new NotFoundError("There is no such webhook endpoint in your account.");
  await recordAudit(audit, { action: "webhook.delete", target: auditTarget(rows[0].url), details: { id } });
}
