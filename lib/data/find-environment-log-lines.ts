import "server-only";
import { database } from "@/lib/db/database";
import { findLogLines, type LogLineRecord } from "@/lib/engine";
import { getEnvironment } from "./get-environment";

/** Log lines of one of the user's environments after line `after`, or before line `before` (404 for anyone else's). */
export async function findEnvironmentLogLines(userId: string, name: string, range: { after?: number; before?: number; limit: number }): Promise<LogLineRecord[]> {
  const environment = await getEnvironment(userId, name);
  return findLogLines(database(), environment.id, range);
}
