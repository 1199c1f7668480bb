import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { updateWebhookEndpointSchema } from "@/lib/validations/webhook";
import { auditTarget, endpointColumns, endpointView, findOwnEndpoint, type EndpointRow, type WebhookEndpointView } from "./webhook-views";

/**
 * Changes an endpoint's events, description or whether it is enabled (a disabled endpoint gets no new
 * deliveries, and those pending wait until it is enabled again). Recorded in the audit log with what changed.
 */
export async function updateWebhookEndpoint(userId: string, id: string, input: unknown, audit: AuditContext): Promise<WebhookEndpointView> {
  const parsed = updateWebhookEndpointSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const change = parsed.data;
  await findOwnEndpoint(userId, id);
  const { rows } = await database().query<EndpointRow>(
    `UPDATE webhook_endpoint SET description = COALESCE($3, description), events = COALESCE($4, events), enabled = COALESCE($5, enabled),
            "disabledReason" = CASE WHEN $5::boolean IS NULL THEN "disabledReason" END
      WHERE id = $1 AND "userId" = $2 RETURNING ${endpointColumns}`,
    [id, userId, change.description ?? null, change.events ?? null, change.enabled ?? null],
  );
  const endpoint = endpointView(rows[0]!);
  await recordAudit(audit, { action: "webhook.update", target: auditTarget(endpoint.url), details: { id, ...change } });
  return endpoint;
}
