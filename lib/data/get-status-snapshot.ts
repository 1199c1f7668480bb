import { buildStatusSnapshot } from "@/lib/live/build-status-snapshot";
import { findLogLines } from "@/lib/live/find-log-lines";
import type { LogLineView, StatusSnapshot } from "@/lib/live/status-snapshot";
import { env } from "@/lib/env";
import type { EnvironmentPlan } from "@/lib/plan";
import { sqlite } from "@/lib/sqlite";
import { getEnvironment } from "./get-environment";

/** The status page's first render: snapshot and log lines of one of the user's environments (404 otherwise). */
export async function getStatusSnapshot(
  userId: string,
  name: string,
): Promise<{ snapshot: StatusSnapshot; logs: LogLineView[]; plan: EnvironmentPlan }> {
  const environment = await getEnvironment(userId, name);
  const conn = sqlite();
  return {
    snapshot: buildStatusSnapshot(conn, environment.id, env().engine.timeScale),
    logs: findLogLines(conn, environment.id),
    plan: environment.plan,
  };
}
