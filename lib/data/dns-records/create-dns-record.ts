import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import { database } from "@/lib/db/database";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { dnsRecordSchema } from "@/lib/validations/dns-record";
import { dnsRecordColumns, dnsRecordView, maxDnsRecords, type DnsRecordRow, type DnsRecordView } from "./dns-record-view";

/**
 * Adds a record to the account's simulated DNS zone, checked as DNS checks it: a name with a CNAME has nothing
 * else, the same record once, at most maxDnsRecords per account (the account's row is locked, so concurrent
 * requests cannot pass the cap together). Refused when the platform resolves through the system's DNS, where
 * these records would change nothing. Recorded in the audit log.
 */
export async function createDnsRecord(userId: string, input: unknown, audit: AuditContext): Promise<DnsRecordView> {
  const parsed = dnsRecordSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  if (env().dnsResolver !== "simulated") {
    throw new ConflictError("This Clusterport resolves domains through the system's DNS (DNS_RESOLVER=system): create the record at your domain's DNS provider instead.");
  }
  const { name, type, value } = parsed.data;
  const row = await withTransaction(database(), async (client) => {
    await client.query(`SELECT id FROM "user" WHERE id = $1 FOR UPDATE`, [userId]);
    const { rows: existing } = await client.query<{ type: string; value: string }>(`SELECT type, value FROM dns_record WHERE "userId" = $1 AND name = $2`, [userId, name]);
    if (existing.some((r) => r.type === type && r.value === value)) throw new ValidationError({ value: `${name} already has this ${type} record.` }, `${name} already has this ${type} record.`);
    if (type === "CNAME" && existing.length > 0) {
      const message = `${name} already has ${existing.length === 1 ? "a record" : "records"}; a name with a CNAME can have no other record. Delete ${existing.length === 1 ? "it" : "them"} first.`;
      throw new ValidationError({ type: message }, message);
    }
    if (type !== "CNAME" && existing.some((r) => r.type === "CNAME")) {
      const message = `${name} has a CNAME, so it can have no other record. Delete the CNAME first.`;
      throw new ValidationError({ type: message }, message);
    }
    const total = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM dns_record WHERE "userId" = $1`, [userId])).rows[0]!.n;
    if (total >= maxDnsRecords) throw new ConflictError(`You have ${maxDnsRecords} DNS records; delete one first.`);
    const { rows } = await client.query<DnsRecordRow>(
      `INSERT INTO dns_record (id, "userId", name, type, value, "createdAt") VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${dnsRecordColumns}`,
      [randomUUID(), userId, name, type, value, audit.now ?? new Date()],
    );
    return rows[0]!;
  });
  const record = dnsRecordView(row);
  await recordAudit(audit, { action: "dns.create", target: name, details: { id: record.id, type, value } });
  return record;
}
