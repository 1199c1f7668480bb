import type { DnsResolver } from "@/lib/dns/dns-resolver";
import { resolveThroughZone } from "@/lib/dns/resolve-through-zone";
import { findDnsZoneRecords } from "./store/find-dns-zone-records";

/**
 * DNS_RESOLVER=simulated: the DNS the simulated cloud's clusters live in. An environment sees the records its
 * account created (Account → DNS records, or /api/v1/dns-records) — standing for the zones that account runs
 * at its DNS provider — and every cluster's own name; CNAMEs are followed as a resolver follows them.
 */
export const simulatedDnsResolver: DnsResolver = {
  kind: "simulated",
  resolve: (name, scope) => resolveThroughZone(name, (n) => findDnsZoneRecords(scope, n)),
};
