import type { LogLineView } from "@/lib/live/status-snapshot";

/** `current` plus `incoming`, each id once (the newer copy wins), in id order. Returns `current` when nothing is new. */
export function mergeLogs(current: readonly LogLineView[], incoming: readonly LogLineView[]): LogLineView[] {
  if (incoming.length === 0) return current as LogLineView[];
  const last = current[current.length - 1];
  // The common case: lines arrive in order after what we have.
  if (incoming.every((l, i) => l.id > (i === 0 ? (last?.id ?? -Infinity) : incoming[i - 1]!.id))) return [...current, ...incoming];
  const byId = new Map<number, LogLineView>();
  for (const line of current) byId.set(line.id, line);
  let added = false;
  for (const line of incoming) {
    if (!byId.has(line.id)) added = true;
    byId.set(line.id, line);
  }
  if (!added) return current as LogLineView[];
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
