import { cn } from "@/components/ui/cn";
import type { FeedConnection } from "./use-environment-feed";

const looks: Record<FeedConnection, { text: string; dot: string }> = {
  connecting: { text: "Connecting…", dot: "bg-slate-400" },
  live: { text: "Live", dot: "bg-emerald-500" },
  reconnecting: { text: "Reconnecting…", dot: "bg-amber-500 motion-safe:animate-pulse" },
};

/** Whether the page is receiving live updates; a polite live region, so a dropped connection is announced. */
export function ConnectionIndicator({ connection }: { connection: FeedConnection }) {
  const { text, dot } = looks[connection];
  return (
    <p role="status" className="inline-flex items-center gap-1.5 text-xs text-slate-600">
      <span aria-hidden="true" className={cn("size-2 rounded-full", dot)} />
      {text}
    </p>
  );
}
