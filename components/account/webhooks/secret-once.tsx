"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** A signing secret, shown this once after create or rotate, with a copy button and what to do with it. */
export function SecretOnce({ url, secret, onDone }: { url: string; secret: string; onDone(): void }) {
  return (
    <Alert tone="warning" title={`Signing secret for ${url}`}>
      <p className="mb-2">
        Copy it now: it is shown this once and cannot be shown again (rotate it if you lose it). Your receiver verifies
        each request&apos;s webhook-signature header with it.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-label="Signing secret"
          className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900"
        >
          {secret}
        </code>
        <CopyButton value={secret} label="Copy the signing secret" />
        <Button variant="ghost" size="sm" onClick={onDone}>
          I have saved it
        </Button>
      </div>
    </Alert>
  );
}
