"use client";

import { X } from "lucide-react";
import { Dialog as RadixDialog } from "radix-ui";
import { useRef, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export type DialogContentProps = Omit<ComponentProps<typeof RadixDialog.Content>, "title" | "children" | "asChild"> & {
  /** Rendered as the Radix Title (<h2>) and used as the dialog's accessible name. */
  title: string;
  /** Rendered as the Radix Description (aria-describedby of the dialog). */
  description?: ReactNode;
  /** md = max-w-lg (default); xl = max-w-6xl for the wide two-column install dialog. */
  size?: "md" | "xl";
  /** Scrollable body. */
  children: ReactNode;
  /**
   * Sticky footer (buttons, right-aligned). To submit a <form> that lives in the body, give the form
   * an id and the footer button type="submit" form="that-id".
   */
  footer?: ReactNode;
  /** Extra classes for the scrollable body. */
  bodyClassName?: string;
};

const SIZES = { md: "max-w-lg", xl: "max-w-6xl" } as const;

/**
 * Overlay + centred panel with title, optional description, close button (aria-label "Close"),
 * scrollable body (panel max-h 90vh) and optional footer. Must be inside <Dialog>.
 * Pass onInteractOutside / onEscapeKeyDown with event.preventDefault() to block closing (e.g. while saving).
 */
export function DialogContent({
  title,
  description,
  size = "md",
  children,
  footer,
  className,
  bodyClassName,
  onOpenAutoFocus,
  onCloseAutoFocus,
  ...rest
}: DialogContentProps) {
  // The Dialog is controlled without a Radix Trigger, so Radix has no trigger to return focus to on
  // close. Remember what had focus when it opened (e.g. the "New cluster" button) and restore it.
  const returnFocusRef = useRef<HTMLElement | null>(null);
  const hasDescription =
    description !== undefined && description !== null && description !== false && description !== "";
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/50 motion-safe:animate-overlay-in" />
      <RadixDialog.Content
        {...rest}
        onOpenAutoFocus={(event) => {
          const active = document.activeElement;
          returnFocusRef.current = active instanceof HTMLElement && active !== document.body ? active : null;
          onOpenAutoFocus?.(event);
        }}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          if (event.defaultPrevented) return;
          const target = returnFocusRef.current;
          returnFocusRef.current = null;
          if (target?.isConnected) {
            event.preventDefault();
            target.focus();
          }
        }}
        className={cn(
          "fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col",
          "rounded-lg border border-slate-200 bg-white text-slate-900 shadow-xl outline-none motion-safe:animate-dialog-in",
          SIZES[size],
          className,
        )}
      >
        <div className="flex shrink-0 flex-col gap-1 border-b border-slate-200 py-4 pr-12 pl-5">
          <RadixDialog.Title className="text-base leading-6 font-semibold text-slate-900">{title}</RadixDialog.Title>
          {hasDescription ? (
            <RadixDialog.Description asChild>
              <div className="text-sm text-slate-600">{description}</div>
            </RadixDialog.Description>
          ) : null}
        </div>
        <div className={cn("min-h-0 flex-1 overflow-y-auto px-5 py-4", bodyClassName)}>{children}</div>
        {footer ? (
          <div className="flex shrink-0 flex-wrap items-center justify-end gap-2 rounded-b-lg border-t border-slate-200 bg-slate-50 px-5 py-3">
            {footer}
          </div>
        ) : null}
        {/* Last in DOM so Radix auto-focuses the first field, not the close button. */}
        <RadixDialog.Close
          aria-label="Close"
          className={cn(
            "absolute top-3 right-3 inline-flex size-8 shrink-0 cursor-pointer items-center justify-center rounded-md text-slate-500",
            "hover:bg-slate-100 hover:text-slate-900",
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
          )}
        >
          <X aria-hidden="true" className="size-4" />
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
