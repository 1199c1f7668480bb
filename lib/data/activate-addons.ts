import { addons as catalogAddons } from "@/lib/catalog";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { database } from "@/lib/db/database";
import { buildAddonSteps, requestAddons } from "@/lib/engine";
import { ConflictError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { computePlan } from "@/lib/plan";
import { activateAddonsSchema } from "@/lib/validations/activate-addons";
import { installSettingsSchema } from "@/lib/validations/install-settings";
import { countActiveEnvironments } from "./count-active-environments";
import { getEnvironment } from "./get-environment";

/**
 * Day 2: activates add-ons on one of the user's running clusters. The new settings pass the install schema
 * again (monitoring and tracing still need NFS storage); add-ons run on the existing workers, so the node
 * quota is unchanged.
 */
export async function activateAddons(user: CurrentUser, name: string, input: unknown): Promise<{ operationId: string }> {
  const parsed = activateAddonsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  const environment = await getEnvironment(user.id, name);
  const current = environment.settings;
  const wanted = catalogAddons.filter((a) => parsed.data[a.id] === true && !current.addons[a.id]);
  if (wanted.length === 0) {
    throw new ConflictError("Choose at least one add-on that this cluster does not have yet.");
  }
  const blocked = wanted.filter((a) => a.requiresStorage && !current.storage);
  if (blocked.length > 0) {
    const message = `${blocked.map((a) => a.name).join(" and ")} need${blocked.length === 1 ? "s" : ""} NFS storage, which this cluster does not have.`;
    throw new ValidationError(Object.fromEntries(blocked.map((a) => [a.id, message])), message);
  }
  const settings = installSettingsSchema.safeParse({
    ...current,
    addons: { ...current.addons, ...Object.fromEntries(wanted.map((a) => [a.id, true])) },
  });
  if (!settings.success) throw new ValidationError(fieldErrorsFromIssues(settings.error.issues), "These add-ons cannot be activated on this cluster.");
  // The plan's quota section counts the account's other environments, as it did at install.
  const environmentsInUse = await countActiveEnvironments(user.id, environment.id);
  const plan = computePlan(settings.data, { plan: user.plan, environmentsInUse });
  return {
    operationId: await requestAddons(database(), {
      environmentId: environment.id,
      actorId: user.id,
      now: new Date(),
      settings: settings.data,
      plan,
      steps: buildAddonSteps(plan, wanted.map((a) => a.id)),
      names: wanted.map((a) => a.name),
    }),
  };
}
