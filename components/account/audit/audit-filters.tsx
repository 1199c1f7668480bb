"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LinkButton } from "@/components/ui/link-button";
import { Select } from "@/components/ui/select";
import type { AuditFilter } from "@/lib/validations/audit-filter";
import { auditActionFilters } from "./audit-actions";

const outcomes = [
  { value: "any", label: "Any outcome" },
  { value: "success", label: "Succeeded" },
  { value: "failure", label: "Failed" },
];

/** The audit log's filters, kept in the URL (a filtered view can be linked), and its CSV export of the same view. */
export function AuditFilters({ filter, exportHref }: { filter: AuditFilter; exportHref: string }) {
  const router = useRouter();
  const [action, setAction] = useState(filter.action || "all");
  const [target, setTarget] = useState(filter.target ?? "");
  const [outcome, setOutcome] = useState<string>(filter.outcome ?? "any");
  const [from, setFrom] = useState(filter.from ?? "");
  const [to, setTo] = useState(filter.to ?? "");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const query = new URLSearchParams();
    if (action !== "all") query.set("action", action);
    if (target.trim() !== "") query.set("target", target.trim());
    if (outcome !== "any") query.set("outcome", outcome);
    if (from !== "") query.set("from", from);
    if (to !== "") query.set("to", to);
    router.push(`/account/audit?${query}`);
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Filter the audit log"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
    >
      <Field id="audit-action" label="Action">
        <Select id="audit-action" value={action} onValueChange={setAction} options={auditActionFilters} />
      </Field>
      <Field id="audit-target" label="Cluster or object">
        <Input
          id="audit-target"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder="e.g. demo"
          maxLength={200}
        />
      </Field>
      <Field id="audit-outcome" label="Outcome">
        <Select id="audit-outcome" value={outcome} onValueChange={setOutcome} options={outcomes} />
      </Field>
      <Field id="audit-from" label="From">
        <Input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field id="audit-to" label="To">
        <Input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <LinkButton variant="secondary" href={exportHref} download>
          Export CSV
        </LinkButton>
      </div>
    </form>
  );
}
