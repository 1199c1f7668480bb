import "server-only";
import type { DnsRecordType } from "@/lib/dns/dns-resolver";

/** A record of the account's simulated DNS, as the API and the Account page show it. */
export type DnsRecordView = { id: string; name: string; type: DnsRecordType; value: string; createdAt: string };

export type DnsRecordRow = { id: string; name: string; type: DnsRecordType; value: string; createdAt: Date };

export const dnsRecordColumns = `id, name, type, value, "createdAt"`;

/** Records an account may keep: plenty for demos and tests, bounded like every per-account list. */
export const maxDnsRecords = 100;

export function dnsRecordView(r: DnsRecordRow): DnsRecordView {
  return { id: r.id, name: r.name, type: r.type, value: r.value, createdAt: r.createdAt.toISOString() };
}
