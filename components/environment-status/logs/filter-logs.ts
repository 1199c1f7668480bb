import type { LogLineView } from "@/lib/live/status-snapshot";

/** The lines of one step and/or one node; "" means any. */
export function filterLogs(lines: readonly LogLineView[], filter: { stepKey: string; node: string }): LogLineView[] {
  return lines.filter(
    (l) => (filter.stepKey === "" || l.stepKey === filter.stepKey) && (filter.node === "" || l.node === filter.node),
  );
}
