import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { database } from "@/lib/db/database";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { createWebhookEndpointSchema } from "@/lib/validations/webhook";
import { checkWebhookUrl, resolveHost, type Resolve } from "@/lib/webhooks/check-webhook-url";
import { lockAccountCap } from "../lock-account-cap";
import { generateWebhookSecret } from "./generate-webhook-secret";
import { auditTarget, endpointColumns, endpointView, maxWebhookEndpoints, type EndpointRow, type WebhookEndpointView } from "./webhook-views";

/**
 * Adds a webhook endpoint to the account: its URL must pass the SSRF guard (refused in words otherwise), and its
 * signing secret is generated, stored encrypted and returned this once. Counted and inserted under the
 * account's webhook lock, so parallel requests cannot pass the cap together. Recorded in the audit log (never the
 * secret). `resolve` is the DNS lookup, injected for tests.
 */
export async function createWebhookEndpoint(
  userId: string,
  input: unknown,
  audit: AuditContext,
  resolve: Resolve = resolveHost,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const parsed = createWebhookEndpointSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const { url, description, events } = parsed.data;
  const config = env();
  const check = await checkWebhookUrl(url, { allowPrivate: config.webhooksAllowPrivate, resolve });
  if (!check.ok) throw new ValidationError({ url: check.reason }, check.reason);
  const secret = generateWebhookSecret();
  const now = audit.now ?? new Date();
  const { rows } = await withTransaction(database(), async (client) => {
    await lockAccountCap(client, userId, "webhook_endpoint");
    return client.query<EndpointRow>(
      `WITH existing AS (SELECT count(*) AS n FROM webhook_endpoint WHERE "userId" = $2)
       INSERT INTO webhook_endpoint (id, "userId", url, description, events, secret, enabled, "createdAt")
       SELECT $1, $2, $3, $4, $5, $6, true, $7 FROM existing WHERE existing.n < ${maxWebhookEndpoints}
       RETURNING ${endpointColumns}`,
      [randomUUID(), userId, url, description, events, encryptSecret(secret, config.encryptionKey), now],
    );
  });
  if (!rows[0]) throw new ValidationError({ url: `You have ${maxWebhookEndpoints} webhook endpoints; delete one first.` }, `You have ${maxWebhookEndpoints} webhook endpoints; delete one first.`);
  const endpoint = endpointView(rows[0]);
  await recordAudit(audit, { action: "webhook.create", target: auditTarget(url), details: { id: endpoint.id, events, description } });
  return { endpoint, secret };
}
