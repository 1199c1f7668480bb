"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogContent } from "@/components/ui/dialog-content";
import { Spinner } from "@/components/ui/spinner";
import { readApiErrorDetail, type ApiErrorDetail } from "@/lib/api-v1/read-api-error";
import { PlanDiffView } from "./plan-diff-view";
import { unreachable, useChangePreview } from "./use-change-preview";

export type ChangeDialogProps = {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The environment's name. */
  name: string;
  /** The change, as in POST /api/v1/environments/<name>/changes/<action>. */
  action: string;
  title: string;
  description: ReactNode;
  /** The parameters to send; null while the fields cannot make a request yet. */
  body: unknown;
  confirmLabel: string;
  /** Danger for changes that delete data. */
  tone?: "primary" | "danger";
  timeScale: number;
  /** Parameter fields, given the field errors of the preview or the request. */
  children?: (fieldErrors: Record<string, string>) => ReactNode;
};

/**
 * Every day-2 change's dialog: its parameters (children), then the plan diff for exactly those parameters,
 * fetched as they change; nothing happens until Confirm, which is refused with the reason when the diff shows
 * a broken quota. The request goes to API v1, the same API a script would use.
 */
export function ChangeDialog({
  open,
  onOpenChange,
  name,
  action,
  title,
  description,
  body,
  confirmLabel,
  tone = "primary",
  timeScale,
  children,
}: ChangeDialogProps) {
  const { preview, error: previewError, loading } = useChangePreview(name, action, open ? body : null);
  const [sendError, setSendError] = useState<ApiErrorDetail | null>(null);
  const [sending, setSending] = useState(false);
  const error = sendError ?? previewError;
  const blocked = preview === null || preview.problems.length > 0;

  const close = (next: boolean) => {
    if (sending) return;
    if (!next) setSendError(null);
    onOpenChange(next);
  };

  const confirm = async () => {
    setSending(true);
    setSendError(null);
    try {
      const response = await fetch(`/api/v1/environments/${encodeURIComponent(name)}/changes/${action}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        setSendError(await readApiErrorDetail(response));
        return;
      }
      onOpenChange(false);
    } catch {
      setSendError({ message: unreachable, fieldErrors: {} });
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title={title}
        description={description}
        footer={
          <>
            <Button variant="secondary" onClick={() => close(false)} disabled={sending}>
              Cancel
            </Button>
            <Button
              variant={tone}
              onClick={() => void confirm()}
              loading={sending}
              disabled={blocked || loading || sending}
            >
              {confirmLabel}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-4">
          {children?.(error?.fieldErrors ?? {})}
          {error && Object.keys(error.fieldErrors).length === 0 ? <Alert tone="danger">{error.message}</Alert> : null}
          {loading && !preview ? (
            <p className="flex items-center gap-2 text-sm text-slate-600" role="status">
              <Spinner /> Working out what this change does…
            </p>
          ) : null}
          {preview ? (
            <>
              <p className="text-sm">
                This change <strong>{preview.summary}</strong>.
              </p>
              <PlanDiffView diff={preview.diff} problems={preview.problems} timeScale={timeScale} />
            </>
          ) : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}
