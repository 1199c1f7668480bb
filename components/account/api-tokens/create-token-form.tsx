"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { readApiErrorDetail, type ApiErrorDetail } from "@/lib/api-v1/read-api-error";

const scopes = [
  {
    value: "read",
    label: "Read",
    description: "Lists and status, logs, kubeconfig and credentials; cannot change anything.",
  },
  {
    value: "write",
    label: "Read and write",
    description: "Everything the pages can do: install, change, delete, tokens.",
  },
];
const expiries = [
  { value: "30", label: "30 days" },
  { value: "7", label: "7 days" },
  { value: "90", label: "90 days" },
  { value: "366", label: "1 year" },
  { value: "never", label: "Never" },
];

/**
 * POST /api/v1/tokens with the session: a name, a scope and an expiry; the secret is shown here once, with a
 * copy button, and never again (only its hash is stored).
 */
export function CreateTokenForm({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState("");
  const [scope, setScope] = useState("read");
  const [expiry, setExpiry] = useState("30");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiErrorDetail | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/v1/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, scope, expiresInDays: expiry === "never" ? null : Number(expiry) }),
      });
      if (!response.ok) {
        setError(await readApiErrorDetail(response));
        return;
      }
      const body = (await response.json()) as { name: string; token: string };
      setCreated({ name: body.name, token: body.token });
      setName("");
      onCreated();
    } catch {
      setError({ message: "Could not reach Clusterport. Check your connection and try again.", fieldErrors: {} });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      {created ? (
        <Alert tone="success" title={`Token "${created.name}" created`}>
          <p className="mb-2">
            Copy it now: it is shown this once. Send it as <code>Authorization: Bearer …</code>.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code
              aria-label={`The new token ${created.name}`}
              className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900"
            >
              {created.token}
            </code>
            <CopyButton value={created.token} label={`Copy the token ${created.name}`} />
          </div>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[2fr_1.2fr_1fr_auto] sm:items-end">
        <Field id="token-name" label="Token name" error={error?.fieldErrors.name}>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={64}
            placeholder="e.g. ci-nightly"
            {...fieldAria("token-name", { error: error?.fieldErrors.name })}
          />
        </Field>
        <Field id="token-scope" label="Scope" error={error?.fieldErrors.scope}>
          <Select
            value={scope}
            onValueChange={setScope}
            options={scopes}
            {...fieldAria("token-scope", { error: error?.fieldErrors.scope })}
          />
        </Field>
        <Field id="token-expiry" label="Expires after" error={error?.fieldErrors.expiresInDays}>
          <Select
            value={expiry}
            onValueChange={setExpiry}
            options={expiries}
            {...fieldAria("token-expiry", { error: error?.fieldErrors.expiresInDays })}
          />
        </Field>
        <Button type="submit" loading={pending}>
          Create token
        </Button>
      </form>
      {error && Object.keys(error.fieldErrors).length === 0 ? <Alert tone="danger">{error.message}</Alert> : null}
    </div>
  );
}
