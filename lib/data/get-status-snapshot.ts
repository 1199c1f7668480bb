import { buildStatusSnapshot } from "@/lib/live/build-status-snapshot";
import { findLogLines } from "@/lib/live/find-log-lines";
import type { LogLineView, StatusSnapshot } from "@/lib/live/status-snapshot";
import { sqlite } from "@/lib/sqlite";
import { getEnvironment } from "./get-environment";

/** The status page's first render: snapshot and log lines of one of the user's environments (404 otherwise). */
export async function getStatusSnapshot(userId: string, name: string): Promise<{ snapshot: StatusSnapshot; logs: LogLineView[] }> {
  const env = await getEnvironment(userId, name);
  const conn = sqlite();
  return { snapshot: buildStatusSnapshot(conn, env.id), logs: findLogLines(conn, env.id) };
}
