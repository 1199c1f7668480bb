import crypto from "node:crypto";
import ipaddr from "ipaddr.js";
import { beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { checkWebhookUrl, refusedAddressKind, type Resolve } from "./check-webhook-url";

/**
 * The SSRF guard, as a customer meets it: creating an endpoint whose URL points into Clusterport's own network
 * is refused with the reason in words (private addresses NOT allowed here). The URL is refused before anything
 * is written, so no database is needed.
 */
let createWebhookEndpoint: typeof import("@/lib/data/webhooks/create-webhook-endpoint").createWebhookEndpoint;

beforeAll(async () => {
  Object.assign(process.env, {
    DATABASE_URL: "postgres://unused@127.0.0.1:1/none",
    ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    WEBHOOKS_ALLOW_PRIVATE: "false",
  });
  ({ createWebhookEndpoint } = await import("@/lib/data/webhooks/create-webhook-endpoint"));
});

/** A resolver standing for DNS: each name's addresses, as an attacker's zone could publish them. */
const zone: Record<string, string[]> = {
  "internal.example.test": ["10.20.30.40"],
  "mixed.example.test": ["93.184.215.14", "192.168.1.10"],
  "metadata.example.test": ["169.254.169.254"],
  "v6.example.test": ["2606:4700::1111", "fd12:3456::1"],
  "public.example.test": ["93.184.215.14", "2606:4700::1111"],
};
const resolve: Resolve = async (host) =>
  (zone[host] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

async function refusal(url: string): Promise<string> {
  try {
    await createWebhookEndpoint(
      "nobody",
      { url, events: ["operation.failed"] },
      { userId: "nobody", via: "browser", ip: "", userAgent: "vitest" },
      resolve,
    );
    return "accepted";
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    expect(e.fieldErrors.url).toBe(e.message);
    return e.message;
  }
}

const because = "webhooks go only to public internet addresses, never into Clusterport's own network.";

describe("SSRF guard", () => {
  it("refuses, in words, URLs whose host is an address of Clusterport's own network", async () => {
    expect(await refusal("https://127.0.0.1/hook")).toBe(`127.0.0.1 is a loopback address: ${because}`);
    expect(await refusal("https://10.1.2.3/hook")).toBe(`10.1.2.3 is a private address (RFC 1918): ${because}`);
    expect(await refusal("https://169.254.169.254/latest/meta-data/")).toBe(
      `169.254.169.254 is the cloud metadata service's link-local address: ${because}`,
    );
    expect(await refusal("https://[::1]:8443/hook")).toBe(`::1 is a loopback address: ${because}`);
    expect(await refusal("https://[::ffff:10.0.0.1]/hook")).toBe(
      `::ffff:a00:1 is an IPv4-mapped form of 10.0.0.1, a private address (RFC 1918): ${because}`,
    );
    // The URL parser reads 2130706433 as 127.0.0.1, as a socket would.
    expect(await refusal("https://2130706433/hook")).toBe(`127.0.0.1 is a loopback address: ${because}`);
  });

  it("refuses a name when any address it resolves to is not public", async () => {
    expect(await refusal("https://internal.example.test/hook")).toBe(
      `internal.example.test resolves to 10.20.30.40, a private address (RFC 1918): ${because}`,
    );
    expect(await refusal("https://mixed.example.test/hook")).toBe(
      `mixed.example.test resolves to 192.168.1.10, a private address (RFC 1918): ${because}`,
    );
    expect(await refusal("https://metadata.example.test/")).toBe(
      `metadata.example.test resolves to 169.254.169.254, the cloud metadata service's link-local address: ${because}`,
    );
    expect(await refusal("https://v6.example.test/")).toBe(
      `v6.example.test resolves to fd12:3456::1, a private address (unique local, fc00::/7): ${because}`,
    );
    expect(await refusal("https://nowhere.example.test/")).toBe(
      "The host nowhere.example.test could not be found (its DNS lookup failed): check the name.",
    );
  });

  it("refuses plain http, credentials, non-URLs and overlong URLs; accepts a public https URL", async () => {
    expect(await refusal("http://public.example.test/hook")).toBe(
      "Use an https:// URL: webhook payloads are signed but not encrypted, so they travel over TLS.",
    );
    expect(await refusal("https://user:pass@public.example.test/hook")).toBe(
      "Remove the user name and password from the URL: receivers check each request's signature instead.",
    );
    expect(await refusal("ftp://public.example.test/hook")).toBe("Use an https:// URL.");
    expect(await refusal("public.example.test/hook")).toBe(
      "Enter a full URL such as https://example.com/hooks/clusterport.",
    );
    expect(await refusal(`https://public.example.test/${"a".repeat(2048)}`)).toBe("Use at most 2048 characters.");
    const ok = await checkWebhookUrl("https://public.example.test/hook", { allowPrivate: false, resolve });
    expect(ok).toMatchObject({ ok: true, address: { address: "93.184.215.14", family: 4 } });
    // Allowed for local testing: the same private name passes, pinned to its address.
    expect(
      await checkWebhookUrl("http://internal.example.test:8080/hook", { allowPrivate: true, resolve }),
    ).toMatchObject({ ok: true, address: { address: "10.20.30.40" } });
  });

  it("refuses the tunnelled, translated and special-purpose forms of non-public addresses", async () => {
    expect(await refusal("https://[2002:7f00:1::1]/hook")).toBe(
      `2002:7f00:1::1 is a 6to4 address (2002::/16) carrying 127.0.0.1, a loopback address: ${because}`,
    );
    expect(await refusal("https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook")).toBe(
      `2001:0:4136:e378:8000:63bf:80ff:fffe is a Teredo address (2001::/32) carrying 127.0.0.1, a loopback address: ${because}`,
    );
    expect(await refusal("https://[::ffff:0:7f00:1]/hook")).toBe(
      `::ffff:0:7f00:1 is an IPv4-translated form of 127.0.0.1, a loopback address: ${because}`,
    );
    expect(await refusal("https://198.18.0.1/hook")).toBe(
      `198.18.0.1 is a reserved address (documentation, benchmarking, protocol assignments or future use): ${because}`,
    );
    expect(await refusal("https://192.0.0.1/hook")).toBe(
      `192.0.0.1 is a reserved address (documentation, benchmarking, protocol assignments or future use): ${because}`,
    );
  });

  it("names the kind of each refused address", () => {
    const kinds = Object.fromEntries(
      [
        "0.1.2.3",
        "100.127.255.254",
        "172.31.255.255",
        "169.254.1.1",
        "224.0.0.1",
        "255.255.255.255",
        "::",
        "fe80::1%eth0",
        "ff02::1",
        "::127.0.0.1",
        "64:ff9b::a9fe:a9fe",
      ].map((ip) => [ip, refusedAddressKind(ip)]),
    );
    expect(kinds).toEqual({
      "0.1.2.3": 'an unspecified ("this network") address',
      "100.127.255.254": "a carrier-grade NAT address (100.64.0.0/10)",
      "172.31.255.255": "a private address (RFC 1918)",
      "169.254.1.1": "a link-local address",
      "224.0.0.1": "a multicast address",
      "255.255.255.255": "the broadcast address",
      "::": 'an unspecified ("this network") address',
      "fe80::1%eth0": "a link-local address",
      "ff02::1": "a multicast address",
      "::127.0.0.1": "an IPv4-compatible form of 127.0.0.1, a loopback address",
      "64:ff9b::a9fe:a9fe": "a NAT64 form of 169.254.169.254, the cloud metadata service's link-local address",
    });
  });

  // Every entry of IANA's IPv4 and IPv6 special-purpose address registries (and the older non-public ranges
  // still in use), by its first and last address: each is refused as a literal and as a name resolving to it.
  const specialPurpose = [
    "0.0.0.0/8",
    "10.0.0.0/8",
    "100.64.0.0/10",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "172.16.0.0/12",
    "192.0.0.0/24",
    "192.0.2.0/24",
    "192.31.196.0/24",
    "192.52.193.0/24",
    "192.88.99.0/24",
    "192.168.0.0/16",
    "192.175.48.0/24",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",
    "240.0.0.0/4",
    "255.255.255.255/32",
    "::/128",
    "::1/128",
    "::/96",
    "::ffff:0:0/96",
    "::ffff:0:0:0/96",
    "64:ff9b::/96",
    "64:ff9b:1::/48",
    "100::/64",
    "2001::/23",
    "2001::/32",
    "2001:2::/48",
    "2001:3::/32",
    "2001:4:112::/48",
    "2001:10::/28",
    "2001:20::/28",
    "2001:30::/28",
    "2001:db8::/32",
    "2002::/16",
    "3fff::/20",
    "5f00::/16",
    "fc00::/7",
    "fe80::/10",
    "fec0::/10",
    "ff00::/8",
  ];
  const edges = (cidr: string) =>
    [
      ipaddr.IPv4.isValidCIDR(cidr)
        ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
        : ipaddr.IPv6.networkAddressFromCIDR(cidr),
      ipaddr.IPv4.isValidCIDR(cidr)
        ? ipaddr.IPv4.broadcastAddressFromCIDR(cidr)
        : ipaddr.IPv6.broadcastAddressFromCIDR(cidr),
    ].map((a) => a.toString());

  it.each(specialPurpose)("refuses %s, as a literal and behind a name", async (cidr) => {
    for (const address of edges(cidr)) {
      expect(refusedAddressKind(address), address).toBeDefined();
      const literal = address.includes(":") ? `[${address}]` : address;
      expect((await checkWebhookUrl(`https://${literal}/hook`, { allowPrivate: false, resolve })).ok, address).toBe(
        false,
      );
      const behindName: Resolve = async () => [{ address, family: address.includes(":") ? 6 : 4 }];
      const named = await checkWebhookUrl("https://hooks.example.test/hook", {
        allowPrivate: false,
        resolve: behindName,
      });
      expect(named, address).toMatchObject({
        ok: false,
        reason: expect.stringMatching(
          new RegExp(`^hooks\\.example\\.test resolves to ${address.replace(/[.]/g, "\\.")}, `),
        ),
      });
      // WEBHOOKS_ALLOW_PRIVATE=true (local testing) still lets it through.
      expect(
        (await checkWebhookUrl("https://hooks.example.test/hook", { allowPrivate: true, resolve: behindName })).ok,
        address,
      ).toBe(true);
    }
  });

  it("lets public addresses through, also in the IPv6 forms a connection turns into them", () => {
    for (const ip of [
      "93.184.215.14",
      "100.63.255.255",
      "100.128.0.1",
      "172.32.0.1",
      "192.0.1.1",
      "198.17.255.255",
      "198.20.0.1",
      "223.255.255.254",
      "2606:4700::1111",
      "::ffff:8.8.8.8",
      "64:ff9b::808:808",
      "2001:200::1",
    ]) {
      expect(refusedAddressKind(ip), ip).toBeUndefined();
    }
  });
});
