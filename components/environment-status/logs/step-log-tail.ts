import type { LogLineView } from "@/lib/live/status-snapshot";

/** The last `count` log lines of one step (10 by default), oldest first. */
export function stepLogTail(lines: readonly LogLineView[], stepKey: string, count = 10): LogLineView[] {
  const own = lines.filter((l) => l.stepKey === stepKey);
  return own.slice(Math.max(0, own.length - count));
}
