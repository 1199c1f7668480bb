import { database } from "@/lib/db/database";
import { env } from "@/lib/env";
import { buildStatusSnapshot } from "@/lib/live/build-status-snapshot";
import { findLogLines } from "@/lib/live/find-log-lines";
import type { LogLineView, StatusSnapshot } from "@/lib/live/status-snapshot";
import type { EnvironmentPlan } from "@/lib/plan";
import { getEnvironment } from "./get-environment";

/** Log lines the first render of the page carries. */
export const firstLogLines = 200;

/** The status page's first render: snapshot and log lines of one of the user's environments (404 otherwise). */
export async function getStatusSnapshot(userId: string, name: string): Promise<{ snapshot: StatusSnapshot; logs: LogLineView[]; plan: EnvironmentPlan }> {
  const environment = await getEnvironment(userId, name);
  const [snapshot, logs] = await Promise.all([
    buildStatusSnapshot(database(), environment.id, env().engine.timeScale),
    // The newest lines only: the page reads further back when asked (GET …/logs?before=).
    findLogLines(database(), environment.id, { before: Number.MAX_SAFE_INTEGER, limit: firstLogLines }),
  ]);
  return { snapshot, logs, plan: environment.plan };
}
