import { describe, expect, it } from "vitest";
import { ingressAddressFor } from "@/lib/engine/sim";
import { createSystemResolver, type SystemLookups } from "./create-system-resolver";
import { dnsMismatch } from "./dns-mismatch";
import type { DnsScope } from "./dns-resolver";
import { canonicalAddress } from "./ip-address";
import { resolveThroughZone, type ZoneRecord } from "./resolve-through-zone";

const zone = (records: Record<string, ZoneRecord[]>) => (name: string) => Promise.resolve(records[name] ?? []);
const scope = {} as DnsScope;

describe("resolveThroughZone", () => {
  it("follows CNAMEs to the addresses at the end of the chain, case-insensitively", async () => {
    const answer = await resolveThroughZone(
      "App.Example.com.",
      zone({
        "app.example.com": [{ type: "CNAME", value: "Edge.Example.net." }],
        "edge.example.net": [{ type: "CNAME", value: "demo.fra.clusterport.cloud" }],
        "demo.fra.clusterport.cloud": [
          { type: "A", value: "198.18.4.7" },
          { type: "AAAA", value: "2001:DB8:0:0::1" },
        ],
      }),
    );
    expect(answer).toEqual({
      name: "app.example.com",
      cnames: ["edge.example.net", "demo.fra.clusterport.cloud"],
      addresses: ["198.18.4.7", "2001:db8::1"],
    });
  });

  it("answers a missing name with no addresses, and a loop or an overlong chain with an error", async () => {
    expect(await resolveThroughZone("nowhere.example.com", zone({}))).toEqual({
      name: "nowhere.example.com",
      cnames: [],
      addresses: [],
    });
    const loop = await resolveThroughZone(
      "a.example.com",
      zone({
        "a.example.com": [{ type: "CNAME", value: "b.example.com" }],
        "b.example.com": [{ type: "CNAME", value: "a.example.com" }],
      }),
    );
    expect(loop.error).toBe("the CNAME chain loops back to a.example.com");
    const chain = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `n${i}.example.com`,
        [{ type: "CNAME" as const, value: `n${i + 1}.example.com` }],
      ]),
    );
    expect((await resolveThroughZone("n0.example.com", zone(chain))).error).toBe(
      "the CNAME chain is longer than 8 names",
    );
  });
});

describe("dnsMismatch", () => {
  const target = {
    domain: "app.example.com",
    ingressAddress: "198.18.4.7",
    clusterDomain: "demo.fra.clusterport.cloud",
  };
  const answer = (addresses: string[], cnames: string[] = []) => ({ name: "app.example.com", cnames, addresses });

  it("is satisfied only when every address is the cluster's", () => {
    expect(dnsMismatch(answer(["198.18.4.7"]), target)).toBeUndefined();
    expect(dnsMismatch(answer(["198.18.4.7"], ["demo.fra.clusterport.cloud"]), target)).toBeUndefined();
    expect(dnsMismatch(answer(["198.18.4.7", "203.0.113.9"]), target)).toBe(
      "app.example.com resolves to this cluster but also to 203.0.113.9, which Let's Encrypt may check instead. Remove the records pointing elsewhere, keeping app.example.com → 198.18.4.7; then it is issued automatically.",
    );
  });

  it("says where the name points instead, and which record to create", () => {
    expect(dnsMismatch(answer([]), target)).toBe(
      "app.example.com does not resolve to this cluster (it does not resolve). Create an A record app.example.com → 198.18.4.7 (the cluster's ingress address) or a CNAME app.example.com → demo.fra.clusterport.cloud; then it is issued automatically.",
    );
    expect(dnsMismatch(answer(["203.0.113.9"], ["shop.other.example"]), target)).toBe(
      "app.example.com does not resolve to this cluster (it resolves to 203.0.113.9 through CNAME shop.other.example). Create an A record app.example.com → 198.18.4.7 (the cluster's ingress address) or a CNAME app.example.com → demo.fra.clusterport.cloud in its place; then it is issued automatically.",
    );
    expect(dnsMismatch({ ...answer([]), error: "the DNS lookup took longer than 5 s" }, target)).toMatch(
      /^app\.example\.com could not be resolved: the DNS lookup took longer than 5 s\. It is looked up again/,
    );
  });
});

describe("the system resolver", () => {
  const fail = (code: string) => Promise.reject(Object.assign(new Error(code), { code }));
  const lookups = (
    records: { cname?: Record<string, string>; a?: Record<string, string[]>; aaaa?: Record<string, string[]> },
    overrides: Partial<SystemLookups> = {},
  ) =>
    ({
      resolveCname: (n: string) => (records.cname?.[n] ? Promise.resolve([records.cname[n]]) : fail("ENODATA")),
      resolve4: (n: string) => (records.a?.[n] ? Promise.resolve(records.a[n]) : fail("ENOTFOUND")),
      resolve6: (n: string) => (records.aaaa?.[n] ? Promise.resolve(records.aaaa[n]) : fail("ENODATA")),
      cancel: () => undefined,
      ...overrides,
    }) as unknown as SystemLookups;

  it("follows CNAMEs one by one, then reads A and AAAA at the end", async () => {
    const resolver = createSystemResolver({
      lookups: lookups({
        cname: { "app.example.com": "edge.example.net." },
        a: { "edge.example.net": ["198.18.4.7"] },
        aaaa: { "edge.example.net": ["2001:0db8::0001"] },
      }),
    });
    expect(await resolver.resolve("APP.example.com", scope)).toEqual({
      name: "app.example.com",
      cnames: ["edge.example.net"],
      addresses: ["198.18.4.7", "2001:db8::1"],
    });
    expect(await resolver.resolve("missing.example.com", scope)).toEqual({
      name: "missing.example.com",
      cnames: [],
      addresses: [],
    });
  });

  it("answers a failing server or a slow one with an error, never by throwing", async () => {
    const servfail = createSystemResolver({ lookups: lookups({}, { resolve4: () => fail("ESERVFAIL") }) });
    expect((await servfail.resolve("app.example.com", scope)).error).toBe(
      "the DNS lookup of app.example.com failed (ESERVFAIL)",
    );
    let cancelled = false;
    const slow = createSystemResolver({
      timeoutMs: 20,
      lookups: lookups(
        {},
        { resolveCname: () => new Promise<string[]>(() => undefined), cancel: () => void (cancelled = true) },
      ),
    });
    expect((await slow.resolve("app.example.com", scope)).error).toBe("the DNS lookup took longer than 0.02 s");
    expect(cancelled).toBe(true);
  });
});

describe("addresses", () => {
  it("spells each address one way", () => {
    expect(canonicalAddress("2001:DB8:0000::0001")).toBe("2001:db8::1");
    expect(canonicalAddress("198.18.0.1")).toBe("198.18.0.1");
    expect(canonicalAddress("198.018.0.1")).toBeUndefined();
    expect(canonicalAddress("example.com")).toBeUndefined();
  });

  it("gives each cluster a stable ingress address in 198.18.0.0/15, distinct across clusters", () => {
    expect(ingressAddressFor("env-1")).toBe(ingressAddressFor("env-1"));
    const addresses = Array.from({ length: 200 }, (_, i) => ingressAddressFor(`environment-${i}`));
    for (const a of addresses) expect(a).toMatch(/^198\.(18|19)\.\d{1,3}\.\d{1,3}$/);
    expect(new Set(addresses).size).toBeGreaterThan(195);
  });
});
