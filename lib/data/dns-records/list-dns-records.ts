import "server-only";
import { database } from "@/lib/db/database";
import { dnsRecordColumns, dnsRecordView, type DnsRecordRow, type DnsRecordView } from "./dns-record-view";

/** The account's simulated DNS records, by name, then type and value (as a zone file lists them). */
export async function listDnsRecords(userId: string): Promise<DnsRecordView[]> {
  const { rows } = await database().query<DnsRecordRow>(`SELECT ${dnsRecordColumns} FROM dns_record WHERE "userId" = $1 ORDER BY name, type, value`, [userId]);
  return rows.map(dnsRecordView);
}
