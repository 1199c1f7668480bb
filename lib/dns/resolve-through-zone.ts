import { maxCnameHops, type DnsAnswer, type DnsRecordType } from "./dns-resolver";
import { canonicalAddress } from "./ip-address";

export type ZoneRecord = { type: DnsRecordType; value: string };

/**
 * Resolves a name the way a recursive resolver does, over a zone given as a lookup of one name's records: a
 * CNAME is followed (its target resolved in turn, loops and chains over maxCnameHops answered as errors), and
 * the A and AAAA records at the end are the addresses. Names compare case-insensitively, without a final dot.
 */
export async function resolveThroughZone(
  name: string,
  lookup: (name: string) => Promise<readonly ZoneRecord[]>,
): Promise<DnsAnswer> {
  const start = normalise(name);
  const cnames: string[] = [];
  let current = start;
  for (let hop = 0; ; hop++) {
    const records = await lookup(current);
    const alias = records.find((r) => r.type === "CNAME");
    if (!alias) {
      const addresses = [
        ...new Set(
          records
            .filter((r) => r.type !== "CNAME")
            .map((r) => canonicalAddress(r.value))
            .filter((a): a is string => a !== undefined),
        ),
      ];
      return { name: start, cnames, addresses };
    }
    const target = normalise(alias.value);
    if (target === start || cnames.includes(target))
      return { name: start, cnames, addresses: [], error: `the CNAME chain loops back to ${target}` };
    if (hop + 1 > maxCnameHops)
      return { name: start, cnames, addresses: [], error: `the CNAME chain is longer than ${maxCnameHops} names` };
    cnames.push(target);
    current = target;
  }
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}
