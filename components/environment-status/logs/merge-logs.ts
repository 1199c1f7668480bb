import type { LogLineView } from "@/lib/live/status-snapshot";

/**
 * `current` plus the lines of `incoming` not already in it (by id), in id order. Log lines never change once
 * written, so a duplicate is simply dropped. Returns `current` itself when nothing is new.
 */
export function mergeLogs(current: readonly LogLineView[], incoming: readonly LogLineView[]): LogLineView[] {
  const seen = new Set(current.map((l) => l.id));
  const fresh: LogLineView[] = [];
  for (const line of incoming) {
    if (seen.has(line.id)) continue;
    seen.add(line.id);
    fresh.push(line);
  }
  if (fresh.length === 0) return current as LogLineView[];
  const lastId = current[current.length - 1]?.id ?? -Infinity;
  const inOrder = fresh.every((l, i) => l.id > (i === 0 ? lastId : fresh[i - 1]!.id));
  return inOrder ? [...current, ...fresh] : [...current, ...fresh].sort((a, b) => a.id - b.id);
}
