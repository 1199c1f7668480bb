"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { DialogContent } from "@/components/ui/dialog-content";
import { addons, type AddonId } from "@/lib/catalog";
import { readApiError } from "@/lib/api/read-api-error";

/**
 * Day 2: choose add-ons to activate on the running cluster. Add-ons it already has are shown ticked and
 * locked; Monitoring and Tracing are locked with the reason when the cluster has no NFS storage.
 */
export function ActivateAddonsDialog({
  open,
  onOpenChange,
  name,
  storage,
  enabled,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  name: string;
  storage: boolean;
  enabled: Record<AddonId, boolean>;
}) {
  const [chosen, setChosen] = useState<Partial<Record<AddonId, boolean>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const picked = addons.filter((a) => chosen[a.id] && !enabled[a.id]);

  const submit = async () => {
    setSending(true);
    setError(null);
    try {
      const response = await fetch(`/api/environments/${encodeURIComponent(name)}/addons`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(Object.fromEntries(picked.map((a) => [a.id, true]))),
      });
      if (!response.ok) {
        setError(await readApiError(response));
        return;
      }
      setChosen({});
      onOpenChange(false);
    } catch {
      setError("Could not reach Clusterport. Check your connection and try again.");
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !sending && onOpenChange(next)}>
      <DialogContent
        title="Activate add-ons"
        description="They are installed on the running cluster; its health is checked again afterwards. Nothing else changes."
        footer={
          <>
            <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={sending}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} loading={sending} disabled={picked.length === 0 || sending}>
              Activate
            </Button>
          </>
        }
      >
        <div className="space-y-3">
          {error ? <Alert tone="danger">{error}</Alert> : null}
          {addons.map((a) => {
            const needsStorage = a.requiresStorage && !storage;
            return (
              <Checkbox
                key={a.id}
                id={`activate-${a.id}`}
                label={a.name}
                description={
                  enabled[a.id]
                    ? `${a.description} Already active.`
                    : needsStorage
                      ? `${a.description} Needs NFS storage, which this cluster does not have.`
                      : a.description
                }
                checked={enabled[a.id] || chosen[a.id] === true}
                disabled={enabled[a.id] || needsStorage || sending}
                onCheckedChange={(on) => setChosen((c) => ({ ...c, [a.id]: on }))}
              />
            );
          })}
        </div>
      </DialogContent>
    </Dialog>
  );
}
