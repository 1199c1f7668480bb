import "server-only";
import { database } from "@/lib/db/database";
import { buildEnvironmentList, type EnvironmentListItem } from "@/lib/live/build-environment-list";

/** The account's environments with live progress, for the first render of the Environments page. */
export async function findEnvironmentList(userId: string): Promise<EnvironmentListItem[]> {
  return buildEnvironmentList(database(), userId);
}
