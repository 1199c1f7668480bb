import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

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
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export type UrlCheck = { ok: true; url: URL; address: ResolvedAddress } | { ok: false; reason: string };

const because = "webhooks go only to public internet addresses, never into Clusterport's own network.";

/**
 * Whether a webhook may be sent to `raw` now, and to which address; when not, why, in words. The URL's form
 * (length, scheme, no credentials) is checked by its schema (lib/validations/webhook.ts); plain http is
 * refused here too unless private addresses are allowed, as it is for local receivers only.
 */
export async function checkWebhookUrl(raw: string, opts: { allowPrivate: boolean; resolve: Resolve }): Promise<UrlCheck> {
  if (!URL.canParse(raw)) return { ok: false, reason: "This is not a full URL: enter one such as https://example.com/hooks/clusterport." };
  const url = new URL(raw);
  if (url.protocol !== "https:" && !(opts.allowPrivate && url.protocol === "http:")) {
    return { ok: false, reason: "Use an https:// URL: webhook payloads are signed but not encrypted, so they travel over TLS." };
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
    if (addresses.length === 0) return { ok: false, reason: `The host ${host} could not be found (its DNS lookup failed): check the name.` };
  }
  if (!opts.allowPrivate) {
    for (const { address } of addresses) {
      const what = refusedAddressKind(address);
      if (what) return { ok: false, reason: literal ? `${host} is ${what}: ${because}` : `${host} resolves to ${address}, ${what}: ${because}` };
    }
  }
  return { ok: true, url, address: addresses[0]! };
}

type Range = { base: number[]; bits: number; what: string };

const v4 = (cidr: string, what: string): Range => {
  const [address, bits] = cidr.split("/");
  return { base: ipv4Bytes(address!), bits: Number(bits), what };
};
const v6 = (cidr: string, what: string): Range => {
  const [address, bits] = cidr.split("/");
  return { base: ipv6Bytes(address!), bits: Number(bits), what };
};

// Checked in order: the metadata address before the link-local range that holds it, to name it.
const ipv4Ranges: Range[] = [
  v4("0.0.0.0/8", 'an unspecified ("this network") address'),
  v4("10.0.0.0/8", "a private address (RFC 1918)"),
  v4("100.64.0.0/10", "a carrier-grade NAT address (100.64.0.0/10)"),
  v4("127.0.0.0/8", "a loopback address"),
  v4("169.254.169.254/32", "the cloud metadata service's link-local address"),
  v4("169.254.0.0/16", "a link-local address"),
  v4("172.16.0.0/12", "a private address (RFC 1918)"),
  v4("192.168.0.0/16", "a private address (RFC 1918)"),
  v4("224.0.0.0/4", "a multicast address"),
  v4("240.0.0.0/4", "a reserved address (240.0.0.0/4, broadcast included)"),
];

const ipv6Ranges: Range[] = [
  v6("::/128", "the unspecified address"),
  v6("::1/128", "a loopback address"),
  v6("fc00::/7", "a private address (unique local, fc00::/7)"),
  v6("fe80::/10", "a link-local address"),
  v6("fec0::/10", "a site-local address (a deprecated private range)"),
  v6("ff00::/8", "a multicast address"),
];

/** IPv6 prefixes whose last 32 bits are an IPv4 address that the connection reaches: judged by that address. */
const ipv4Carriers: Range[] = [
  v6("::ffff:0:0/96", "an IPv4-mapped form of"),
  v6("::/96", "an IPv4-compatible form of"),
  v6("64:ff9b::/96", "a NAT64 form of"),
];

/** What kind of non-public address `ip` is ("a loopback address"), or undefined for a public one. */
export function refusedAddressKind(ip: string): string | undefined {
  const family = isIP(ip.split("%")[0]!);
  if (family === 4) return ipv4Ranges.find((r) => inRange(ipv4Bytes(ip), r))?.what;
  if (family !== 6) return "not an IP address";
  const bytes = ipv6Bytes(ip);
  const own = ipv6Ranges.find((r) => inRange(bytes, r));
  if (own) return own.what;
  const carrier = ipv4Carriers.find((r) => inRange(bytes, r));
  if (!carrier) return undefined;
  const embedded = bytes.slice(12).join(".");
  const what = refusedAddressKind(embedded);
  return what ? `${carrier.what} ${embedded}, ${what}` : undefined;
}

function inRange(bytes: readonly number[], range: Range): boolean {
  for (let bit = 0; bit < range.bits; bit++) {
    const mask = 0x80 >> bit % 8;
    if ((bytes[bit >> 3]! & mask) !== (range.base[bit >> 3]! & mask)) return false;
  }
  return true;
}

function ipv4Bytes(ip: string): number[] {
  return ip.split(".").map(Number);
}

/** The 16 bytes of a valid IPv6 address: "::" expanded, a dotted IPv4 tail converted, a zone (%eth0) dropped. */
function ipv6Bytes(ip: string): number[] {
  let text = ip.split("%")[0]!;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left = "", right] = text.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const head = groups(left);
  const tail = right === undefined ? [] : groups(right);
  const all = [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail];
  return all.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}
