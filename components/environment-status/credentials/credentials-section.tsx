"use client";

import { Download, Eye, EyeOff } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { CopyButton } from "@/components/ui/copy-button";
import type { StatusSnapshot } from "@/lib/live/status-snapshot";
import { StatusSection } from "../status-section";
import { copyLabels } from "./copy-labels";
import { useCredentials } from "./use-credentials";

/**
 * The cluster's credentials, hidden until "Reveal" (a toggle, aria-pressed) fetches them once from
 * /credentials; each value with a Copy button; and the kubeconfig download, with a word on Remote API access,
 * without which the cluster's API refuses kubectl.
 */
export function CredentialsSection({
  name,
  credentials,
  remoteApi,
}: {
  name: string;
  credentials: StatusSnapshot["credentials"];
  remoteApi: boolean;
}) {
  const [revealed, setRevealed] = useState(false);
  const { values, loading, error, load } = useCredentials(name);
  const shown = revealed && values !== null;
  return (
    <StatusSection
      id="credentials"
      title="Credentials"
      actions={
        credentials.length > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            aria-pressed={revealed}
            loading={loading}
            onClick={async () => {
              if (revealed) return setRevealed(false);
              if (await load()) setRevealed(true);
            }}
          >
            {revealed ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
            Reveal
          </Button>
        ) : null
      }
    >
      <div className="flex flex-col gap-3">
        {error ? (
          <Alert tone="danger" title="Could not reveal the credentials">
            {error}
          </Alert>
        ) : null}
        {credentials.length === 0 ? (
          <p className="text-sm text-slate-600">This environment has no credentials to show.</p>
        ) : (
          <dl className="flex flex-col gap-3 text-sm">
            {credentials.map((credential) => {
              const value = shown ? values.find((v) => v.name === credential.name) : undefined;
              const labels = copyLabels({ label: credential.label, username: value?.username });
              return (
                <div key={credential.name} className="flex flex-col gap-1">
                  <dt className="font-medium text-slate-900">{credential.label}</dt>
                  {!shown ? (
                    <dd className="font-mono text-slate-500">
                      <span aria-hidden="true">••••••••••••</span>
                      <span className="sr-only">Hidden</span>
                    </dd>
                  ) : !value ? (
                    <dd className="text-slate-500">Not available</dd>
                  ) : (
                    <>
                      {value.username !== undefined ? (
                        <dd className="flex flex-wrap items-center gap-2">
                          <span className="text-slate-500">Username</span>
                          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all">
                            {value.username}
                          </code>
                          <CopyButton
                            value={value.username}
                            label={labels.username ?? `Copy ${credential.label} username`}
                          />
                        </dd>
                      ) : null}
                      <dd className="flex flex-wrap items-center gap-2">
                        {value.username !== undefined ? <span className="text-slate-500">Password</span> : null}
                        <code className="max-w-full rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all">
                          {value.value}
                        </code>
                        <CopyButton value={value.value} label={labels.value} />
                      </dd>
                    </>
                  )}
                </div>
              );
            })}
          </dl>
        )}
        <a
          href={`/api/v1/environments/${encodeURIComponent(name)}/kubeconfig`}
          download
          className={buttonVariants({ variant: "secondary", size: "sm", className: "self-start" })}
        >
          <Download aria-hidden="true" />
          Download kubeconfig
        </a>
        <p className="text-xs text-slate-600">
          {remoteApi
            ? "kubectl reaches the cluster's API at the server this file names, with its admin token."
            : "Remote API access is off, so the cluster's API refuses kubectl: turn it on under Changes first."}
        </p>
      </div>
    </StatusSection>
  );
}
