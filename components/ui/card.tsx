import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type CardProps = Omit<ComponentProps<"div">, "title"> & {
  title?: ReactNode;
  /** Heading level of the title. Default "h2". */
  as?: "h2" | "h3";
  /** Small text under the title. */
  description?: ReactNode;
  /** Right-aligned slot in the header (buttons, badges). */
  actions?: ReactNode;
  /** Set false to drop body padding (e.g. for a full-bleed table). Default true. */
  padded?: boolean;
};

/** Bordered white panel with optional header (title + actions). */
export function Card({
  title,
  as: Heading = "h2",
  description,
  actions,
  padded = true,
  className,
  children,
  ...rest
}: CardProps) {
  const hasHeader = Boolean(title) || Boolean(actions);
  return (
    <div className={cn("rounded-md border border-slate-200 bg-white shadow-sm", className)} {...rest}>
      {hasHeader ? (
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <div className="flex min-w-0 flex-col gap-0.5">
            {title ? <Heading className="text-sm font-semibold text-slate-900">{title}</Heading> : null}
            {description ? <p className="text-xs text-slate-500">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
        </div>
      ) : null}
      {children !== undefined && children !== null ? <div className={cn(padded && "p-4")}>{children}</div> : null}
    </div>
  );
}
