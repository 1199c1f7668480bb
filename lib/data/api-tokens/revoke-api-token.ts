import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { NotFoundError } from "@/lib/errors";
import { apiTokenColumns, apiTokenView, type ApiTokenRow, type ApiTokenView } from "./api-token-view";

/** Revokes one of the user's tokens at once (404 for anyone else's); revoking twice changes nothing. */
export async function revokeApiToken(userId: string, id: string, audit: AuditContext): Promise<ApiTokenView> {
  const now = audit.now ?? new Date();
  const { rows } = await database().query<ApiTokenRow & { wasRevoked: boolean }>(
    `WITH before AS (SELECT id, "revokedAt" IS NOT NULL AS "wasRevoked" FROM api_token WHERE id = $2 AND "userId" = $1)
     UPDATE api_token t SET "revokedAt" = COALESCE(t."revokedAt", $3) FROM before WHERE t.id = before.id
     RETURNING ${apiTokenColumns.split(", ").map((c) => `t.${c}`).join(", ")}, before."wasRevoked"`,
    [userId, /^[0-9a-f-]{36}$/.test(id) ? id : "00000000-0000-0000-0000-000000000000", now],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError("There is no such token in your account.");
  if (!row.wasRevoked) await recordAudit(audit, { action: "token.revoke", target: row.name, details: { prefix: row.prefix } });
  return apiTokenView(row, now);
}
