"use client";

import { useState, type ReactNode } from "react";
import { ChangeDialog, type ChangeDialogProps } from "./change-dialog";

/** A change whose dialog has no fields: its parameters are fixed by the button that opens it. */
export type SimpleChange = Pick<
  ChangeDialogProps,
  "action" | "title" | "description" | "body" | "confirmLabel" | "tone"
>;

/** A card's fieldless changes: `open` one, and render `dialog` (nothing while none is open). */
export function useSimpleChange(
  name: string,
  timeScale: number,
): { open(change: SimpleChange): void; dialog: ReactNode } {
  const [change, setChange] = useState<SimpleChange | null>(null);
  const dialog = change ? (
    <ChangeDialog
      open
      onOpenChange={(next) => !next && setChange(null)}
      name={name}
      timeScale={timeScale}
      {...change}
    />
  ) : null;
  return { open: setChange, dialog };
}
