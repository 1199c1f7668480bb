import "server-only";
import { database } from "@/lib/db/database";
import { readEnvironmentState } from "@/lib/engine";
import { env } from "@/lib/env";
import { toStatusSnapshot } from "@/lib/live/build-status-snapshot";
import type { LogLineView, StatusSnapshot } from "@/lib/live/status-snapshot";
import { toLogLineView } from "@/lib/live/to-log-line-view";
import type { EnvironmentPlan } from "@/lib/plan";
import { couldBeEnvironmentName, environmentNotFound } from "./get-environment";

/** Log lines the first render of the page carries. */
const firstLogLines = 200;

/** The status page's first render: snapshot and log lines of one of the user's environments (404 otherwise). */
export async function getStatusSnapshot(userId: string, name: string): Promise<{ snapshot: StatusSnapshot; logs: LogLineView[]; plan: EnvironmentPlan }> {
  // One statement: the environment by its owner and name, its state, and the newest log lines (the page reads
  // further back when asked, GET …/logs?before=).
  const state = couldBeEnvironmentName(name) ? await readEnvironmentState(database(), { userId, name }, { logTail: firstLogLines }) : undefined;
  if (!state) throw environmentNotFound(name);
  return { snapshot: toStatusSnapshot(state, env().engine.timeScale, env().appUrl, new Date()), logs: state.logTail.map(toLogLineView), plan: state.environment.plan };
}
