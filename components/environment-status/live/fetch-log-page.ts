import type { LogLineView } from "@/lib/live/status-snapshot";

type LogItem = {
  seq: number;
  at: string;
  level: LogLineView["level"];
  step: string | null;
  node: string | null;
  message: string;
};

/**
 * One page of GET /api/v1/environments/<name>/logs (`query`: after=, before= or cursor=), as the page's log
 * lines; null when it could not be read (offline, refused), which callers treat as "try again later".
 */
export async function fetchLogPage(
  name: string,
  query: string,
): Promise<{ lines: LogLineView[]; nextCursor: string | null } | null> {
  const separator = query.includes("limit=") ? "" : "&limit=1000";
  const response = await fetch(`/api/v1/environments/${encodeURIComponent(name)}/logs?${query}${separator}`, {
    cache: "no-store",
  }).catch(() => null);
  if (!response?.ok) return null;
  const body = (await response.json().catch(() => null)) as { items?: LogItem[]; nextCursor?: string | null } | null;
  if (!Array.isArray(body?.items)) return null;
  return {
    lines: body.items.map((l) => ({
      id: l.seq,
      at: l.at,
      level: l.level,
      stepKey: l.step,
      node: l.node,
      message: l.message,
    })),
    nextCursor: typeof body.nextCursor === "string" ? body.nextCursor : null,
  };
}
