import { buildEnvironmentList, type EnvironmentListItem } from "@/lib/live/build-environment-list";
import { sqlite } from "@/lib/sqlite";

/** The account's environments with live progress, for the first render of the Environments page. */
export async function findEnvironmentList(userId: string): Promise<EnvironmentListItem[]> {
  return buildEnvironmentList(sqlite(), userId);
}
