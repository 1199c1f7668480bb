import type { Pool } from "@/lib/db/pool";
import { findEnvironmentList } from "@/lib/engine";
import { toEnvironmentSummary, type EnvironmentSummary } from "./environment-dto";

export type EnvironmentListItem = EnvironmentSummary & {
  /** The current operation: its type and the share of its estimated work done (0–100), if one exists. */
  operation: { type: string; status: string; progress: number } | null;
};

/** The account's environments, newest first, with each one's live progress. */
export async function buildEnvironmentList(pool: Pool, userId: string): Promise<EnvironmentListItem[]> {
  return (await findEnvironmentList(pool, userId)).map((row) => ({
    ...toEnvironmentSummary(row),
    operation: row.operation,
  }));
}
