import type { LogLineRecord } from "@/lib/engine";
import type { LogLineView } from "./status-snapshot";

/** A stored line as pages and the API show it: its number is its id. */
export function toLogLineView(l: LogLineRecord): LogLineView {
  return { id: l.seq, at: l.at.toISOString(), level: l.level, stepKey: l.stepKey, node: l.node, message: l.message };
}
