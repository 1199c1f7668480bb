import type { ReactNode } from "react";

/** One day-2 action on the Changes section: what it is, how the cluster stands, and its button(s). */
export function ChangeCard({
  id,
  title,
  state,
  failure,
  children,
}: {
  id: string;
  title: string;
  state: ReactNode;
  /** The newest change of this card failed: where, in a sentence. */
  failure?: string | null;
  children?: ReactNode;
}) {
  return (
    <li
      aria-labelledby={`${id}-title`}
      className="flex flex-wrap items-start justify-between gap-3 border-t border-slate-100 py-3 first:border-t-0 first:pt-0 last:pb-0"
    >
      <div className="min-w-0 flex-1">
        <h3 id={`${id}-title`} className="text-sm font-medium text-slate-900">
          {title}
        </h3>
        <div className="text-sm text-slate-600">{state}</div>
        {failure ? <p className="mt-1 text-sm font-medium text-red-700">{failure}</p> : null}
      </div>
      {children ? <div className="flex shrink-0 flex-wrap gap-2">{children}</div> : null}
    </li>
  );
}
