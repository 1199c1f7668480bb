import "server-only";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { changeActions, quotaProblems, type ChangeAction, type PreparedChange } from "@/lib/changes";
import { database } from "@/lib/db/database";
import { findMachineIds, findRegistryCredentials } from "@/lib/engine";
import { ConflictError } from "@/lib/errors";
import type { EnvironmentDetail } from "@/lib/live/environment-dto";
import { countActiveEnvironments } from "./count-active-environments";
import { getEnvironment } from "./get-environment";

export type PreparedEnvironmentChange = { environment: EnvironmentDetail; change: PreparedChange; problems: string[] };

/**
 * A day-2 change prepared against one of the user's environments as it is now (404 for anyone else's): the
 * action's own checks, the plan diff, and the quotas it would break (`problems`, empty when none).
 */
export async function prepareEnvironmentChange(user: CurrentUser, name: string, action: ChangeAction, input: unknown): Promise<PreparedEnvironmentChange> {
  const environment = await getEnvironment(user.id, name);
  if (environment.status !== "running") {
    throw new ConflictError(`Changes can be made to a running cluster only; ${environment.name} is ${environment.status}.`);
  }
  const ctx = {
    settings: environment.settings,
    plan: environment.plan,
    // The quota counts the account's other environments, as it did at install.
    quota: { plan: user.plan, environmentsInUse: await countActiveEnvironments(user.id, environment.id) },
    machineIds: await findMachineIds(database(), environment.id),
    registry: await findRegistryCredentials(database(), environment.id),
  };
  const change = changeActions[action](ctx, input);
  return { environment, change, problems: quotaProblems(ctx, change.plan) };
}
