import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A titled panel of the status page: <section> named by its <h2>, with an optional actions slot. */
export function StatusSection({
  id,
  title,
  actions,
  className,
  children,
}: {
  /** Prefix of the heading's id (`${id}-heading`). */
  id: string;
  title: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={cn("rounded-md border border-slate-200 bg-white shadow-sm", className)}
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      <div className="p-4">{children}</div>
    </section>
  );
}
