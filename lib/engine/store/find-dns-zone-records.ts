import { regions } from "@/lib/catalog";
import type { DnsScope } from "@/lib/dns/dns-resolver";
import type { ZoneRecord } from "@/lib/dns/resolve-through-zone";
import { ingressAddressFor } from "../sim/ingress-address-for";

/**
 * One name's records in the simulated DNS, as seen from an environment: the records its account created
 * (dns_record), and — the platform's own zone — a cluster's name, while an environment holds it, resolving to
 * that cluster's ingress address.
 */
export async function findDnsZoneRecords(scope: DnsScope, name: string): Promise<ZoneRecord[]> {
  const { rows } = await scope.client.query<{ type: ZoneRecord["type"]; value: string; cluster: boolean }>({
    name: "engine-dns-zone-records",
    text: `SELECT r.type, r.value, false AS cluster FROM dns_record r JOIN environment e ON e."userId" = r."userId" WHERE e.id = $1 AND r.name = $2
           UNION ALL
           SELECT 'A', id, true FROM environment WHERE "regionClaim" = $3`,
    values: [scope.environmentId, name, clusterClaim(name)],
  });
  return rows.map((r) =>
    r.cluster ? { type: "A", value: ingressAddressFor(r.value) } : { type: r.type, value: r.value },
  );
}

/** `<name>.<region domain>` is the cluster holding `<region>/<name>` (its unique, indexed name claim); null otherwise. */
function clusterClaim(name: string): string | null {
  for (const region of regions) {
    const label = name.endsWith(`.${region.domain}`) ? name.slice(0, -region.domain.length - 1) : "";
    if (label !== "" && !label.includes(".")) return `${region.id}/${label}`;
  }
  return null;
}
