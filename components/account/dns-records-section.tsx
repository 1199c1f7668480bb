"use client";

import { Trash2 } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiErrorDetail } from "@/lib/api-v1/read-api-error";
import type { DnsRecordView } from "@/lib/data/dns-records/dns-record-view";
import { dnsRecordTypes, type DnsRecordType } from "@/lib/dns/dns-resolver";
import { fieldErrorsFromIssues } from "@/lib/errors";
import { dnsRecordSchema } from "@/lib/validations/dns-record";
import { callApi } from "./webhooks/call-api";

/** A cluster a record can point at: its own name (for a CNAME) and its ingress address (for an A record). */
export type DnsTargetCluster = { name: string; domain: string; ingressAddress: string };

const typeOptions = dnsRecordTypes.map((t) => ({
  value: t,
  label: t,
  description: { A: "An IPv4 address", AAAA: "An IPv6 address", CNAME: "Another name, e.g. a cluster's" }[t],
}));

/**
 * The Account page's DNS records: the simulated zone (DNS_RESOLVER=simulated) through /api/v1/dns-records with the
 * browser's session. The form checks with the server's schema as it submits; the server's refusals show under
 * the field they concern. The account's clusters are listed with the values that point a domain at them.
 */
export function DnsRecordsSection({
  clusters,
  resolver,
}: {
  clusters: DnsTargetCluster[];
  resolver: "simulated" | "system";
}) {
  const [records, setRecords] = useState<DnsRecordView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [type, setType] = useState<DnsRecordType>("A");
  const [value, setValue] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiErrorDetail | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  useEffect(() => {
    if (resolver !== "simulated") return;
    void callApi<{ items: DnsRecordView[] }>("/dns-records?limit=200").then((result) => {
      if (result.ok) setRecords(result.body.items);
      else setLoadError(result.error.message);
    });
  }, [resolver]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const checked = dnsRecordSchema.safeParse({ name, type, value });
    if (!checked.success) {
      setError({
        message: "Some fields need your attention.",
        fieldErrors: fieldErrorsFromIssues(checked.error.issues),
      });
      return;
    }
    setPending(true);
    setError(null);
    const result = await callApi<DnsRecordView>("/dns-records", { method: "POST", body: { name, type, value } });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setRecords((list) =>
      [...(list ?? []), result.body].sort((a, b) =>
        (a.name + a.type + a.value).localeCompare(b.name + b.type + b.value),
      ),
    );
    setName("");
    setValue("");
  }

  async function remove(record: DnsRecordView) {
    setDeleting(record.id);
    const result = await callApi<null>(`/dns-records/${record.id}`, { method: "DELETE" });
    setDeleting(null);
    if (result.ok) setRecords((list) => (list ?? []).filter((r) => r.id !== record.id));
    else setLoadError(result.error.message);
  }

  const fieldError = (field: string) => error?.fieldErrors[field];
  return (
    <section aria-labelledby="dns-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="dns-heading" className="mb-2 font-semibold">
        DNS records
      </h2>
      {resolver === "system" ? (
        <p className="text-sm text-slate-600">
          Clusterport looks domains up in the public DNS. To serve a domain with a certificate, point it at the cluster
          at your DNS provider: an A record to the cluster&apos;s ingress address, or a CNAME to the cluster&apos;s
          name.
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-600">
            The simulated DNS of your domains: the certificate manager issues a certificate only once its domain
            resolves to the cluster — an A record to the cluster&apos;s ingress address, or a CNAME to the
            cluster&apos;s name. A waiting certificate is issued automatically within minutes of the record&apos;s
            creation.
          </p>
          {clusters.length > 0 ? (
            <Table className="text-sm">
              <TableCaption className="mb-1 text-left text-xs font-medium text-slate-500">Your clusters</TableCaption>
              <TableHeader>
                <TableRow className="text-left text-xs text-slate-500">
                  <TableHead className="pr-4">Cluster</TableHead>
                  <TableHead className="pr-4">Ingress address (A)</TableHead>
                  <TableHead>Name (CNAME)</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody className="font-mono text-xs">
                {clusters.map((c) => (
                  <TableRow key={c.name}>
                    <TableCell className="pr-4 font-sans">{c.name}</TableCell>
                    <TableCell className="pr-4">{c.ingressAddress}</TableCell>
                    <TableCell>{c.domain}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          <form
            onSubmit={onSubmit}
            noValidate
            aria-label="Add a DNS record"
            className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_7rem_minmax(0,2fr)_auto] sm:items-start"
          >
            <Field id="dns-name" label="Name" error={fieldError("name")}>
              <Input
                value={name}
                placeholder="app.example.com"
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setName(e.target.value)}
                {...fieldAria("dns-name", { error: fieldError("name") })}
              />
            </Field>
            <Field id="dns-type" label="Type" error={fieldError("type")}>
              <Select
                {...fieldAria("dns-type", { error: fieldError("type") })}
                value={type}
                onValueChange={(v) => setType(v as DnsRecordType)}
                options={typeOptions}
              />
            </Field>
            <Field id="dns-value" label="Value" error={fieldError("value")}>
              <Input
                value={value}
                placeholder={
                  type === "CNAME"
                    ? (clusters[0]?.domain ?? "demo.fra.clusterport.cloud")
                    : type === "A"
                      ? (clusters[0]?.ingressAddress ?? "198.18.0.10")
                      : "2001:db8::10"
                }
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setValue(e.target.value)}
                {...fieldAria("dns-value", { error: fieldError("value") })}
              />
            </Field>
            <Button type="submit" loading={pending} className="sm:mt-6">
              Add record
            </Button>
          </form>
          {error && Object.keys(error.fieldErrors).length === 0 ? <Alert tone="danger">{error.message}</Alert> : null}
          {loadError ? <Alert tone="danger">{loadError}</Alert> : null}
          {records === null ? (
            loadError ? null : (
              <p className="text-sm text-slate-600">Loading your DNS records…</p>
            )
          ) : records.length === 0 ? (
            <p className="text-sm text-slate-600">No records yet.</p>
          ) : (
            <ul aria-label="DNS records" className="divide-y divide-slate-100 text-sm">
              {records.map((r) => (
                <li key={r.id} className="flex items-center justify-between gap-3 py-1.5">
                  <span className="min-w-0 font-mono text-xs break-all">
                    {r.name} <span className="text-slate-500">{r.type}</span> {r.value}
                  </span>
                  <Button
                    variant="ghost"
                    size="sm"
                    loading={deleting === r.id}
                    onClick={() => void remove(r)}
                    aria-label={`Delete ${r.type} record ${r.name} → ${r.value}`}
                  >
                    <Trash2 aria-hidden="true" />
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
