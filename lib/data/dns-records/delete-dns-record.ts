import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { NotFoundError } from "@/lib/errors";

/** Deletes one of the account's simulated DNS records; a certificate waiting for it goes on waiting. */
export async function deleteDnsRecord(userId: string, id: string, audit: AuditContext): Promise<void> {
  const { rows } = await database().query<{ name: string; type: string; value: string }>(
    `DELETE FROM dns_record WHERE id = $1 AND "userId" = $2 RETURNING name, type, value`,
    [id, userId],
  );
  if (!rows[0]) throw new NotFoundError("There is no such DNS record in your account.");
  await recordAudit(audit, { action: "dns.delete", target: rows[0].name, details: { id, type: rows[0].type, value: rows[0].value } });
}
