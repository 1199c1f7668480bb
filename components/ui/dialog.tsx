"use client";

import { Dialog as RadixDialog } from "radix-ui";
import type { ReactNode } from "react";

export type DialogProps = {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Usually a single <DialogContent>. */
  children: ReactNode;
};

/** Controlled Radix Dialog root (modal: focus trap, Escape / outside click call onOpenChange(false)). */
export function Dialog({ open, onOpenChange, children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {children}
    </RadixDialog.Root>
  );
}
