import { dnsRecordTypes } from "@/lib/dns/dns-resolver";
import { canonicalAddress, isIPv4, isIPv6 } from "@/lib/dns/ip-address";
import { domainNameProblem, hostNameProblem } from "./domain-name";
import { z } from "./zod";

const valueHelp = {
  A: "an IPv4 address such as 198.18.0.10",
  AAAA: "an IPv6 address such as 2001:db8::10",
  CNAME: "a host name such as demo.fra.clusterport.cloud",
} as const;

/**
 * A record of the simulated DNS zone: a name you own (never one of Clusterport's), its type, and a value that
 * fits the type — an IPv4 address for A, an IPv6 address for AAAA, a host name for CNAME (which may be a
 * cluster's own name). Name and CNAME value are lower-cased without a final dot, as DNS compares them.
 */
export const dnsRecordSchema = z
  .strictObject(
    {
      name: z
        .string({ error: "Enter the record's name, e.g. app.example.com." })
        .transform((v) => v.trim().toLowerCase().replace(/\.$/, ""))
        .superRefine((v, ctx) => {
          const problem = domainNameProblem(v);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        })
        .describe("The domain the record is for, e.g. app.example.com."),
      type: z
        .enum(dnsRecordTypes, { error: "Choose the record's type: A, AAAA or CNAME." })
        .describe("A (IPv4 address), AAAA (IPv6 address) or CNAME (another name)."),
      value: z
        .string({ error: "Enter the record's value." })
        .trim()
        .min(1, { error: "Enter the record's value." })
        .max(253, { error: "Use at most 253 characters." })
        .describe("An IPv4 address for A, an IPv6 address for AAAA, a host name for CNAME."),
    },
    { error: 'Send { "name": "app.example.com", "type": "A", "value": "198.18.0.10" }.' },
  )
  .superRefine((r, ctx) => {
    const problem = valueProblem(r.type, r.value, r.name);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  })
  .transform((r) => ({
    ...r,
    value:
      r.type === "CNAME"
        ? r.value.toLowerCase().replace(/\.$/, "")
        : r.type === "AAAA"
          ? (canonicalAddress(r.value) ?? r.value)
          : r.value,
  }));

export type DnsRecordInput = z.input<typeof dnsRecordSchema>;

function valueProblem(type: (typeof dnsRecordTypes)[number], value: string, name: string): string | undefined {
  if (type === "A")
    return isIPv4(value)
      ? undefined
      : `An A record's value is ${valueHelp.A}${isIPv6(value) ? "; for an IPv6 address choose AAAA" : ""}.`;
  if (type === "AAAA")
    return isIPv6(value)
      ? undefined
      : `An AAAA record's value is ${valueHelp.AAAA}${isIPv4(value) ? "; for an IPv4 address choose A" : ""}.`;
  if (isIPv4(value) || isIPv6(value))
    return `A CNAME points at a name, not an address; for ${value} choose ${isIPv4(value) ? "A" : "AAAA"}.`;
  const problem = hostNameProblem(value.replace(/\.$/, ""));
  if (problem) return problem;
  if (value.toLowerCase().replace(/\.$/, "") === name) return "A CNAME cannot point at its own name.";
  return undefined;
}
