import { describe, expect, it } from "vitest";
import { dnsRecordSchema } from "./dns-record";

const problem = (input: unknown) => {
  const r = dnsRecordSchema.safeParse(input);
  return r.success ? undefined : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("a DNS record", () => {
  it("is normalised as DNS compares names and addresses", () => {
    expect(
      dnsRecordSchema.parse({ name: " App.Example.COM. ", type: "CNAME", value: "Demo.fra.clusterport.cloud." }),
    ).toEqual({ name: "app.example.com", type: "CNAME", value: "demo.fra.clusterport.cloud" });
    expect(dnsRecordSchema.parse({ name: "app.example.com", type: "AAAA", value: "2001:DB8::0:1" }).value).toBe(
      "2001:db8::1",
    );
  });

  it("refuses, in words, a value that does not fit its type", () => {
    expect(problem({ name: "app.example.com", type: "A", value: "2001:db8::1" })).toEqual([
      "value: An A record's value is an IPv4 address such as 198.18.0.10; for an IPv6 address choose AAAA.",
    ]);
    expect(problem({ name: "app.example.com", type: "AAAA", value: "198.18.0.1" })).toEqual([
      "value: An AAAA record's value is an IPv6 address such as 2001:db8::10; for an IPv4 address choose A.",
    ]);
    expect(problem({ name: "app.example.com", type: "A", value: "256.1.1.1" })).toEqual([
      "value: An A record's value is an IPv4 address such as 198.18.0.10.",
    ]);
    expect(problem({ name: "app.example.com", type: "CNAME", value: "198.18.0.1" })).toEqual([
      "value: A CNAME points at a name, not an address; for 198.18.0.1 choose A.",
    ]);
    expect(problem({ name: "app.example.com", type: "CNAME", value: "app.example.com" })).toEqual([
      "value: A CNAME cannot point at its own name.",
    ]);
    expect(problem({ name: "app.example.com", type: "MX", value: "mail.example.com" })).toEqual([
      "type: Choose the record's type: A, AAAA or CNAME.",
    ]);
  });

  it("refuses names that are not a domain of the user's, Clusterport's own included", () => {
    expect(problem({ name: "demo.fra.clusterport.cloud", type: "A", value: "203.0.113.9" })).toEqual([
      "name: Names under fra.clusterport.cloud are Clusterport's; use a domain you own.",
    ]);
    expect(problem({ name: "my_app.example.com", type: "A", value: "203.0.113.9" })).toEqual([
      'name: Use only letters, digits and hyphens between the dots; "_" is not allowed.',
    ]);
  });
});
