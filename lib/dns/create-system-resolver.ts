import { Resolver } from "node:dns/promises";
import { maxCnameHops, type DnsAnswer, type DnsResolver } from "./dns-resolver";
import { canonicalAddress } from "./ip-address";

/** The parts of node:dns's Resolver this uses; tests inject their own. */
export type SystemLookups = Pick<Resolver, "resolve4" | "resolve6" | "resolveCname" | "cancel">;

/** Codes meaning "no such name" or "no record of this type": an answer, not a failure. */
const noRecords = new Set(["ENOTFOUND", "ENODATA", "ENONAME", "NXDOMAIN"]);

/**
 * The system's DNS (the servers in /etc/resolv.conf, through node:dns's Resolver, not getaddrinfo, so that
 * /etc/hosts cannot vouch for a domain): CNAMEs followed one by one so the answer names the chain, then A and
 * AAAA at its end. The whole lookup is bounded by `timeoutMs` — it runs inside a step's transaction — and a
 * lookup that fails (timeout, SERVFAIL, refused) is an answer with `error`, which the step treats as "not yet".
 */
export function createSystemResolver(opts: { lookups?: SystemLookups; timeoutMs?: number } = {}): DnsResolver {
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const lookups = opts.lookups ?? new Resolver({ timeout: Math.min(2_000, timeoutMs), tries: 2 });
  return {
    kind: "system",
    async resolve(name) {
      const start = name.trim().toLowerCase().replace(/\.$/, "");
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<DnsAnswer>((resolve) => {
        timer = setTimeout(() => {
          lookups.cancel();
          resolve({
            name: start,
            cnames: [],
            addresses: [],
            error: `the DNS lookup took longer than ${timeoutMs / 1000} s`,
          });
        }, timeoutMs);
      });
      try {
        return await Promise.race([follow(lookups, start), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

async function follow(lookups: SystemLookups, start: string): Promise<DnsAnswer> {
  const cnames: string[] = [];
  let current = start;
  try {
    for (;;) {
      const alias = (await records(() => lookups.resolveCname(current)))[0];
      if (!alias) break;
      const target = alias.toLowerCase().replace(/\.$/, "");
      if (target === start || cnames.includes(target))
        return { name: start, cnames, addresses: [], error: `the CNAME chain loops back to ${target}` };
      if (cnames.length >= maxCnameHops)
        return { name: start, cnames, addresses: [], error: `the CNAME chain is longer than ${maxCnameHops} names` };
      cnames.push(target);
      current = target;
    }
    const [v4, v6] = await Promise.all([
      records(() => lookups.resolve4(current)),
      records(() => lookups.resolve6(current)),
    ]);
    const addresses = [
      ...new Set([...v4, ...v6].map((a) => canonicalAddress(a)).filter((a): a is string => a !== undefined)),
    ];
    return { name: start, cnames, addresses };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return {
      name: start,
      cnames,
      addresses: [],
      error: `the DNS lookup of ${current} failed (${code ?? (e as Error).message})`,
    };
  }
}

async function records(query: () => Promise<string[]>): Promise<string[]> {
  try {
    return await query();
  } catch (e) {
    if (noRecords.has((e as { code?: string }).code ?? "")) return [];
    throw e;
  }
}
