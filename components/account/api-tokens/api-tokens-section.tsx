"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableColumnHeads,
  TableEmptyRow,
  TableHead,
  TableRow,
} from "@/components/ui/table";
import { readApiError } from "@/lib/api-v1/read-api-error";
import type { ApiTokenView } from "@/lib/data/api-tokens/api-token-view";
import { formatUtc } from "@/lib/format/format-utc";
import { CreateTokenForm } from "./create-token-form";

const stateTone = { active: "success", expired: "neutral", revoked: "neutral" } as const;

/**
 * API tokens for scripts, CI and the CLI: created with a name, a scope and an expiry (the secret shown once),
 * listed with their last use, revoked in one click.
 */
export function ApiTokensSection({ tokens }: { tokens: ApiTokenView[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  async function revoke(token: ApiTokenView) {
    setRevoking(token.id);
    setError(null);
    try {
      const response = await fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
      if (!response.ok) setError(await readApiError(response));
      else router.refresh();
    } catch {
      setError("Could not reach Clusterport. Check your connection and try again.");
    } finally {
      setRevoking(null);
    }
  }

  return (
    <section aria-labelledby="tokens-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="tokens-heading" className="mb-1 font-semibold">
        API tokens
      </h2>
      <p className="mb-4 text-sm text-slate-600">
        For scripts, CI pipelines and the <code>clusterport</code> CLI: send one as <code>Authorization: Bearer …</code>{" "}
        to the{" "}
        <a className="underline" href="/docs/api">
          API
        </a>
        . A Read token cannot change anything.
      </p>
      <CreateTokenForm onCreated={() => router.refresh()} />
      {error ? (
        <Alert tone="danger" className="mt-4">
          {error}
        </Alert>
      ) : null}
      <div className="mt-5 overflow-x-auto">
        <Table className="w-full text-sm">
          <TableCaption className="sr-only">Your API tokens</TableCaption>
          <TableColumnHeads names={["Name", "Scope", "Created", "Expires", "Last used", "State"]} actions />
          <TableBody>
            {tokens.length === 0 ? (
              <TableEmptyRow columns={7}>No tokens yet.</TableEmptyRow>
            ) : (
              tokens.map((t) => (
                <TableRow key={t.id} className="border-t border-slate-100 align-top">
                  <TableHead scope="row" className="py-1.5 pr-3 font-medium">
                    {t.name} <span className="block font-mono text-xs font-normal text-slate-500">{t.prefix}…</span>
                  </TableHead>
                  <TableCell className="py-1.5 pr-3">{t.scope === "write" ? "Read and write" : "Read"}</TableCell>
                  <TableCell className="py-1.5 pr-3 whitespace-nowrap">{formatUtc(t.createdAt)}</TableCell>
                  <TableCell className="py-1.5 pr-3 whitespace-nowrap">
                    {t.expiresAt ? formatUtc(t.expiresAt) : "Never"}
                  </TableCell>
                  <TableCell className="py-1.5 pr-3">
                    {t.lastUsedAt
                      ? `${formatUtc(t.lastUsedAt)}${t.lastUsedIp ? ` from ${t.lastUsedIp}` : ""}`
                      : "Never used"}
                  </TableCell>
                  <TableCell className="py-1.5 pr-3">
                    <Badge tone={stateTone[t.state]}>
                      {t.state === "active" ? "Active" : t.state === "expired" ? "Expired" : "Revoked"}
                    </Badge>
                  </TableCell>
                  <TableCell className="py-1.5 text-right">
                    {t.state === "active" ? (
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={`Revoke ${t.name}`}
                        loading={revoking === t.id}
                        onClick={() => void revoke(t)}
                      >
                        Revoke
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
