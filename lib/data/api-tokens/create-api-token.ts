import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { withTransaction } from "@/lib/db/transaction";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { lockAccountCap } from "../lock-account-cap";
import { apiTokenColumns, apiTokenView, type ApiTokenRow, type ApiTokenView } from "./api-token-view";

/** Tokens are `cp_` and 43 base64url characters (256 random bits); the first 10 characters name them in lists. */
export const tokenPattern = /^cp_[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Most tokens an account may hold at once (revoked ones do not count). */
export const maxActiveTokens = 50;

/**
 * Creates a token for the user: the secret is returned this once and only its SHA-256 is stored. Counted and
 * inserted under the account's token lock, so parallel requests cannot pass the cap together. Recorded in
 * the audit log (name and scope; never the secret).
 */
export async function createApiToken(userId: string, input: unknown, audit: AuditContext): Promise<{ token: string; view: ApiTokenView }> {
  const parsed = createApiTokenSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const { name, scope, expiresInDays } = parsed.data;
  const token = `cp_${randomBytes(32).toString("base64url")}`;
  const now = audit.now ?? new Date();
  const expiresAt = expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000) : null;
  const { rows } = await withTransaction(database(), async (client) => {
    await lockAccountCap(client, userId, "api_token");
    return client.query<ApiTokenRow>(
      `WITH active AS (SELECT count(*) AS n FROM api_token WHERE "userId" = $2 AND "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > $8))
       INSERT INTO api_token (id, "userId", name, scope, prefix, hash, "createdAt", "expiresAt")
       SELECT $1, $2, $3, $4, $5, $6, $8, $7 FROM active WHERE active.n < ${maxActiveTokens}
       RETURNING ${apiTokenColumns}`,
      [randomUUID(), userId, name, scope, token.slice(0, 10), hashToken(token), expiresAt, now],
    );
  });
  if (!rows[0]) throw new ValidationError({ name: `You have ${maxActiveTokens} active tokens; revoke one first.` }, `You have ${maxActiveTokens} active tokens; revoke one first.`);
  const view = apiTokenView(rows[0], now);
  await recordAudit(audit, { action: "token.create", target: name, details: { scope, expiresAt: view.expiresAt, prefix: view.prefix } });
  return { token, view };
}
