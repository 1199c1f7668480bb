import type { PoolClient } from "@/lib/db/pool";

/** The record types a person can create in the simulated zone and that resolution follows. */
export const dnsRecordTypes = ["A", "AAAA", "CNAME"] as const;
export type DnsRecordType = (typeof dnsRecordTypes)[number];

/**
 * What a name resolves to: the CNAME chain followed from it (in order) and the addresses at its end, both
 * families. No addresses and no `error`: the name does not exist or has no address. `error`: the lookup itself
 * failed (a timeout, a server failure), so nothing is known about the name.
 */
export type DnsAnswer = { name: string; cnames: string[]; addresses: string[]; error?: string };

/**
 * Where a step's lookup happens: the environment it is for (the simulated zone is its account's) and the step's
 * own database connection (so the simulated zone is read without taking a second connection from the pool).
 */
export type DnsScope = { environmentId: string; client: Pick<PoolClient, "query"> };

/** A DNS resolver the platform is configured with (DNS_RESOLVER): the system's, or the simulated zone. */
export type DnsResolver = {
  readonly kind: "system" | "simulated";
  resolve(name: string, scope: DnsScope): Promise<DnsAnswer>;
};

/** The longest CNAME chain followed, as resolvers bound theirs; longer is answered as an error. */
export const maxCnameHops = 8;
