import type { Pool } from "@/lib/db/pool";
import { findLogLines as findRecords } from "@/lib/engine";
import type { LogLineView } from "./status-snapshot";

/** Log lines of an environment after line number `after`, oldest first, at most `limit`. */
export async function findLogLines(pool: Pool, environmentId: string, after = 0, limit = 5000): Promise<LogLineView[]> {
  return (await findRecords(pool, environmentId, after, limit)).map((l) => ({
    id: l.seq,
    at: l.at.toISOString(),
    level: l.level,
    stepKey: l.stepKey,
    node: l.node,
    message: l.message,
  }));
}
