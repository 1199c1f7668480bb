import { database } from "@/lib/db/database";
import { findEnvironmentByName } from "@/lib/engine";
import { NotFoundError } from "@/lib/errors";
import { toEnvironmentDetail, type EnvironmentDetail } from "./environment-dto";

/**
 * One of the account's environments by name: the one holding the name, else the newest ended one.
 * Anyone else's environment is reported as not found, never as forbidden, so names do not leak.
 */
export async function getEnvironment(userId: string, name: string): Promise<EnvironmentDetail> {
  const row = await findEnvironmentByName(database(), userId, name);
  if (!row) throw new NotFoundError(`No environment named "${name}" in your account.`);
  return toEnvironmentDetail(row);
}
