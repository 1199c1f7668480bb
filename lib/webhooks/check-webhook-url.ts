import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * The SSRF guard: a webhook is an HTTP request Clusterport makes to a URL a customer chose, so without it a
 * customer could make the server call its own network — the database, other tenants' nodes, the cloud
 * metadata service (169.254.169.254) that hands out credentials. A URL is refused when its host is, or resolves
 * to, any address that is not on the public internet. Every address a name resolves to is checked (an attacker
 * controls which one a later lookup returns first), at create and again before every attempt; the request
 * then connects to the address that was checked (see send-webhook.ts), so a name that resolves differently a
 * moment later (DNS rebinding) cannot get around the check. WEBHOOKS_ALLOW_PRIVATE=true lifts the refusal,
 * for local testing.
 */

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

/** Every address the system resolver gives for the name (A and AAAA, as getaddrinfo returns them). */
export const resolveHost: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

type UrlCheck = { ok: true; url: URL; address: ResolvedAddress } | { ok: false; reason: string };

const because = "webhooks go only to public internet addresses, never into Clusterport's own network.";

/**
 * Whether a webhook may be sent to `raw` now, and to which address; when not, why, in words. The URL's form
 * (length, scheme, no credentials) is checked by its schema (lib/validations/webhook.ts); plain http is
 * refused here too unless private addresses are allowed, as it is for local receivers only.
 */
export async function checkWebhookUrl(
  raw: string,
  opts: { allowPrivate: boolean; resolve: Resolve },
): Promise<UrlCheck> {
  if (!URL.canParse(raw))
    return { ok: false, reason: "This is not a full URL: enter one such as https://example.com/hooks/clusterport." };
  const url = new URL(raw);
  if (url.protocol !== "https:" && !(opts.allowPrivate && url.protocol === "http:")) {
    return {
      ok: false,
      reason: "Use an https:// URL: webhook payloads are signed but not encrypted, so they travel over TLS.",
    };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(host) !== 0;
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await opts.resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0)
      return { ok: false, reason: `The host ${host} could not be found (its DNS lookup failed): check the name.` };
  }
  if (!opts.allowPrivate) {
    for (const { address } of addresses) {
      const what = refusedAddressKind(address);
      if (what)
        return {
          ok: false,
          reason: literal ? `${host} is ${what}: ${because}` : `${host} resolves to ${address}, ${what}: ${because}`,
        };
    }
  }
  return { ok: true, url, address: addresses[0]! };
}

/** Why each ipaddr.js range (IANA's special-purpose registries) is not the public internet, in words. */
const rangeWords: Record<string, string> = {
  unspecified: 'an unspecified ("this network") address',
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  private: "a private address (RFC 1918)",
  reserved: "a reserved address (documentation, benchmarking, protocol assignments or future use)",
  as112: "an AS112 DNS sink address",
  as112v6: "an AS112 DNS sink address",
  amt: "an AMT relay anycast address",
  uniqueLocal: "a private address (unique local, fc00::/7)",
  deprecatedSiteLocal: "a site-local address (a deprecated private range)",
  discard: "a discard-only address (100::/64)",
  benchmarking: "a benchmarking address (2001:2::/48)",
  deprecatedOrchid: "an ORCHID identifier, not a routable address",
  orchid2: "an ORCHID identifier, not a routable address",
  droneRemoteIdProtocolEntityTags: "a drone remote ID tag, not a routable address",
  segmentRouting: "a segment routing identifier (5f00::/16)",
  rfc6052: "a local-use NAT64 address (64:ff9b:1::/48)",
};

const wellKnownNat64 = ipaddr.parseCIDR("64:ff9b::/96");
const ipv4Compatible = ipaddr.parseCIDR("::/96");

const ipv4At = (bytes: readonly number[], from: number) => bytes.slice(from, from + 4).join(".");

/**
 * What kind of non-public address `ip` is ("a loopback address"), or undefined for a public one. Only what
 * ipaddr.js classifies as "unicast" (outside every special-purpose range) is public. An IPv6 form that a
 * connection turns into an IPv4 address (IPv4-mapped, IPv4-translated, IPv4-compatible, the well-known NAT64
 * prefix) is judged by that IPv4 address; 6to4 and Teredo addresses are always refused (their packets go to a
 * relay, not to an address Clusterport can judge), naming the IPv4 address they carry.
 */
export function refusedAddressKind(ip: string): string | undefined {
  const text = ip.split("%")[0]!;
  const family = isIP(text);
  if (family === 0) return "not an IP address";
  // The WHATWG form first: ipaddr.js reads a dotted tail ("::1.2.3.4") as IPv4-mapped, a socket does not.
  const address = ipaddr.parse(family === 6 ? new URL(`http://[${text}]/`).hostname.slice(1, -1) : text);
  const range: string = address.range();
  if (address.kind() === "ipv4") {
    if (range === "unicast") return undefined;
    if (address.toString() === "169.254.169.254") return "the cloud metadata service's link-local address";
    return rangeWords[range] ?? `a special-purpose address (${range})`;
  }
  const v6 = address as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  const carried = (form: string, embedded: string): string | undefined => {
    const what = refusedAddressKind(embedded);
    return what ? `${form} ${embedded}, ${what}` : undefined;
  };
  if (range === "ipv4Mapped") return carried("an IPv4-mapped form of", ipv4At(bytes, 12));
  if (range === "rfc6145") return carried("an IPv4-translated form of", ipv4At(bytes, 12));
  if (range === "rfc6052" && v6.match(wellKnownNat64)) return carried("a NAT64 form of", ipv4At(bytes, 12));
  if (range === "unicast" && v6.match(ipv4Compatible)) return carried("an IPv4-compatible form of", ipv4At(bytes, 12));
  const relayed = (form: string, embedded: string) => {
    const what = refusedAddressKind(embedded);
    return `${form} carrying ${embedded}${what ? `, ${what}` : ""}`;
  };
  if (range === "6to4") return relayed("a 6to4 address (2002::/16)", ipv4At(bytes, 2));
  if (range === "teredo") {
    // The client's IPv4 address is stored inverted in the last 32 bits (RFC 4380).
    return relayed(
      "a Teredo address (2001::/32)",
      bytes
        .slice(12)
        .map((b) => b ^ 0xff)
        .join("."),
    );
  }
  if (range === "unicast") return undefined;
  return rangeWords[range] ?? `a special-purpose address (${range})`;
}
