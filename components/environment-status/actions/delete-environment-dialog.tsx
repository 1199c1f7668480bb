"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogClose } from "@/components/ui/dialog-close";
import { DialogContent } from "@/components/ui/dialog-content";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * Asks the person to type the environment's name before deleting it; "Delete environment" stays disabled
 * until the text matches. Focus is trapped and Escape closes it (Dialog primitive).
 */
export function DeleteEnvironmentDialog({
  open,
  onOpenChange,
  name,
  displayName,
  deleting,
  error,
  onConfirm,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  name: string;
  displayName: string;
  deleting: boolean;
  error: string | null;
  onConfirm(): void;
}) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === name;
  const description = "The environment's nodes are removed and its data is lost. This cannot be undone.";
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setTyped("");
        onOpenChange(next);
      }}
    >
      <DialogContent
        title={`Delete ${displayName}?`}
        description={description}
        onEscapeKeyDown={(event) => deleting && event.preventDefault()}
        onInteractOutside={(event) => deleting && event.preventDefault()}
        footer={
          <>
            <DialogClose>
              <Button variant="secondary" disabled={deleting}>
                Cancel
              </Button>
            </DialogClose>
            <Button
              type="submit"
              form="delete-environment-form"
              variant="danger"
              disabled={!matches}
              loading={deleting}
            >
              Delete environment
            </Button>
          </>
        }
      >
        <form
          id="delete-environment-form"
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (matches && !deleting) onConfirm();
          }}
        >
          <Field
            id="delete-confirm-name"
            label={`Type ${name} to confirm`}
            description="The environment name, exactly."
          >
            <Input
              {...fieldAria("delete-confirm-name", { description: "The environment name, exactly." })}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              mono
            />
          </Field>
          {error ? (
            <Alert tone="danger" title="The environment was not deleted">
              {error}
            </Alert>
          ) : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
