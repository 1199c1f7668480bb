"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogClose } from "@/components/ui/dialog-close";
import { DialogContent } from "@/components/ui/dialog-content";

/**
 * Asks before an action that cannot be undone (deleting an endpoint, replacing its secret). Focus is trapped and
 * Escape closes it (Dialog primitive) — except while the action runs.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  danger = false,
  pending,
  error,
  onConfirm,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: string;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: string | null;
  onConfirm(): void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={title}
        description={description}
        onEscapeKeyDown={(event) => pending && event.preventDefault()}
        onInteractOutside={(event) => pending && event.preventDefault()}
        footer={
          <>
            <DialogClose>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant={danger ? "danger" : "primary"} loading={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </>
        }
      >
        {error ? (
          <Alert tone="danger">{error}</Alert>
        ) : (
          <p className="text-sm text-slate-600">This cannot be undone.</p>
        )}
      </DialogContent>
    </Dialog>
  );
}
