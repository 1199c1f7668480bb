import { createDnsRecord } from "@/lib/data/dns-records/create-dns-record";
import { deleteDnsRecord } from "@/lib/data/dns-records/delete-dns-record";
import { listDnsRecords } from "@/lib/data/dns-records/list-dns-records";
import { dnsRecordTypes } from "@/lib/dns/dns-resolver";
import { dnsRecordSchema } from "@/lib/validations/dns-record";
import { z } from "@/lib/validations/zod";
import { defineOperation } from "../define-operation";
import { pageList, pageOf, paginationQuery } from "../pagination";

const dnsRecord = z.object({
  id: z.string(),
  name: z.string().describe("The domain, lower-case, without a final dot."),
  type: z.enum(dnsRecordTypes),
  value: z.string().describe("The IPv4 address (A), IPv6 address (AAAA) or host name (CNAME)."),
  createdAt: z.string(),
});

const tag = "DNS records";
const simulated =
  "Clusterport's simulated DNS (DNS_RESOLVER=simulated, the default): these records stand for the zones your account runs at its DNS provider. The certificate manager resolves a certificate's domain through them — CNAMEs followed, every cluster's own name included — and issues the certificate once the domain resolves to the cluster's ingress address and nowhere else.";

export const dnsOperations = [
  defineOperation({
    id: "listDnsRecords",
    method: "GET",
    path: "/dns-records",
    tag,
    summary: "List your DNS records.",
    description: `${simulated} Sorted by name, type and value.`,
    permission: "dns:read",
    query: paginationQuery,
    responses: { 200: { description: "A page of records.", schema: pageOf(dnsRecord) } },
    handler: async ({ principal, query }) => ({
      status: 200,
      body: pageList(await listDnsRecords(principal.user.id), (r) => r.id, query),
    }),
  }),
  defineOperation({
    id: "createDnsRecord",
    method: "POST",
    path: "/dns-records",
    tag,
    summary: "Add a DNS record.",
    description: `${simulated} A name of Clusterport's own (…clusterport.cloud) cannot be given a record; a CNAME may point at one. A name with a CNAME has no other record. At most 100 records per account. Refused (409) when Clusterport resolves through the system's DNS (DNS_RESOLVER=system).`,
    permission: "dns:manage",
    body: dnsRecordSchema,
    example: { body: { name: "shop.example.com", type: "CNAME", value: "demo.fra.clusterport.cloud" } },
    responses: {
      201: { description: "The record.", schema: dnsRecord },
      409: { description: "At the account's 100 records, or DNS_RESOLVER=system." },
    },
    handler: async ({ principal, body, audit }) => ({
      status: 201,
      body: await createDnsRecord(principal.user.id, body, audit),
    }),
  }),
  defineOperation({
    id: "deleteDnsRecord",
    method: "DELETE",
    path: "/dns-records/{id}",
    tag,
    summary: "Delete a DNS record.",
    description: "A certificate already issued stays; one waiting for the name goes on waiting.",
    permission: "dns:manage",
    params: z.object({ id: z.string().max(64).describe("The record's id.") }),
    responses: { 204: { description: "Deleted." }, 404: { description: "No such record in your account." } },
    handler: async ({ principal, params, audit }) => {
      await deleteDnsRecord(principal.user.id, params.id, audit);
      return { status: 204, body: null };
    },
  }),
];
