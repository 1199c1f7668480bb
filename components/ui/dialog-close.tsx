"use client";

import { Dialog as RadixDialog } from "radix-ui";
import type { ReactElement } from "react";

export type DialogCloseProps = {
  /** One element that accepts onClick, e.g. <Button variant="secondary">Cancel</Button>. */
  children: ReactElement;
};

/** Makes its child close the surrounding <Dialog> when clicked (Radix Dialog.Close asChild). */
export function DialogClose({ children }: DialogCloseProps) {
  return <RadixDialog.Close asChild>{children}</RadixDialog.Close>;
}
