import { Inbox } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = {
  /** Decorative icon element, e.g. <Server />. Defaults to an inbox icon. Rendered aria-hidden. */
  icon?: ReactNode;
  title: string;
  text?: ReactNode;
  /** e.g. a <Button> or <LinkButton>. */
  action?: ReactNode;
  /** Heading level of the title. Default "h2". */
  as?: "h2" | "h3";
  className?: string;
};

/** Centred placeholder for empty lists. */
export function EmptyState({ icon, title, text, action, as: Heading = "h2", className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-2 rounded-md border border-dashed border-slate-300 bg-white px-6 py-10 text-center",
        className,
      )}
    >
      <div
        aria-hidden="true"
        className="mb-1 flex size-10 items-center justify-center rounded-full bg-slate-100 text-slate-500 [&_svg]:size-5"
      >
        {icon ?? <Inbox />}
      </div>
      <Heading className="text-sm font-semibold text-slate-900">{title}</Heading>
      {text ? <div className="max-w-md text-sm text-slate-600">{text}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
