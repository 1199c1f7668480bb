import "server-only";
import { database } from "@/lib/db/database";
import { findEnvironmentByName } from "@/lib/engine";
import { NotFoundError } from "@/lib/errors";
import { toEnvironmentDetail, type EnvironmentDetail } from "@/lib/live/environment-dto";
import { environmentNameSchema } from "@/lib/validations/environment-name";

/**
 * One of the account's environments by name: the one holding the name, else the newest ended one.
 * Anyone else's environment is reported as not found, never as forbidden, so names do not leak.
 */
export async function getEnvironment(userId: string, name: string): Promise<EnvironmentDetail> {
  const row = couldBeEnvironmentName(name) ? await findEnvironmentByName(database(), userId, name) : undefined;
  if (!row) throw environmentNotFound(name);
  return toEnvironmentDetail(row);
}

/** What cannot be an environment name (a path with a NUL byte, 3,000 characters …) is not looked up at all. */
export function couldBeEnvironmentName(name: string): boolean {
  return environmentNameSchema.safeParse(name).success;
}

export function environmentNotFound(name: string): NotFoundError {
  return new NotFoundError(`No environment named "${name.slice(0, 80)}" in your account.`);
}
