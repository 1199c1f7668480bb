import type { Pool } from "@/lib/db/pool";
import { findLogLines as findRecords, type LogLineRecord } from "@/lib/engine";
import type { LogLineView } from "./status-snapshot";

/** Log lines of an environment, oldest first (see the engine's findLogLines for `after` and `before`). */
export async function findLogLines(pool: Pool, environmentId: string, range: { after?: number; before?: number; limit?: number } = {}): Promise<LogLineView[]> {
  return (await findRecords(pool, environmentId, range)).map(toLogLineView);
}

/** A stored line as pages and the API show it: its number is its id. */
export function toLogLineView(l: LogLineRecord): LogLineView {
  return { id: l.seq, at: l.at.toISOString(), level: l.level, stepKey: l.stepKey, node: l.node, message: l.message };
}
