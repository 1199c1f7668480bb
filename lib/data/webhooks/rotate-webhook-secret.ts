import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { database } from "@/lib/db/database";
import { env } from "@/lib/env";
import { generateWebhookSecret } from "./generate-webhook-secret";
import { auditTarget, endpointView, findOwnEndpoint, type WebhookEndpointView } from "./webhook-views";

/** How long the old secret keeps signing beside the new one after a rotation (as Svix and others allow). */
const rotationOverlapMs = 24 * 60 * 60_000;

/**
 * Replaces an endpoint's signing secret with a new one, returned this once. Every attempt from now on is signed
 * with it, including retries of deliveries made before (each attempt is signed when it is sent) — and for 24 hours
 * with the old one too (two signatures in webhook-signature, as Standard Webhooks allows), so a receiver keeps
 * verifying while its configuration is updated. Recorded in the audit log as an update (never the secret).
 */
export async function rotateWebhookSecret(userId: string, id: string, audit: AuditContext): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  const endpoint = endpointView(await findOwnEndpoint(userId, id));
  const secret = generateWebhookSecret();
  await database().query(
    `UPDATE webhook_endpoint SET "previousSecret" = secret, "previousSecretUntil" = $4, secret = $3 WHERE id = $1 AND "userId" = $2`,
    [id, userId, encryptSecret(secret, env().encryptionKey), new Date(Date.now() + rotationOverlapMs)],
  );
  await recordAudit(audit, { action: "webhook.update", target: auditTarget(endpoint.url), details: { id, rotated: "signing secret" } });
  return { endpoint, secret };
}
