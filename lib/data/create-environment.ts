import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { findRegion } from "@/lib/catalog";
import { database } from "@/lib/db/database";
import { faultsSchema, insertEnvironment } from "@/lib/engine";
import { ConflictError, ForbiddenError, UnprocessableError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { computePlan, describeEnvironmentsFull } from "@/lib/plan";
import { stableJson } from "@/lib/stable-json";
import { installSettingsSchema, type InstallSettings } from "@/lib/validations/install-settings";
import { assertFaultInjectionEnabled } from "./assert-fault-injection-enabled";
import { countActiveEnvironments } from "./count-active-environments";

export type CreatedEnvironment = { id: string; name: string; domain: string; created: boolean };

/**
 * Submits an install: re-validates the settings with the dialog's schema, checks the plan's quotas, and has
 * the engine store the environment in state queued with its settings, plan and install operation — one
 * transaction that also enforces the environment quota and the name's uniqueness against concurrent submits.
 * A repeated `requestId` returns the environment the first request created instead of a second one — only
 * for the same settings: a key reused for another request is refused (422), as payment APIs do.
 */
export async function createEnvironment(
  user: CurrentUser,
  input: unknown,
  audit: AuditContext,
  requestId: string = randomUUID(),
  faultsInput?: unknown,
): Promise<CreatedEnvironment> {
  if (!user.plan.canInstall) {
    throw new ForbiddenError(`Installing is not available on the ${user.plan.name} plan. Upgrade your plan on the Account page.`);
  }
  const parsed = installSettingsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  const settings: InstallSettings = parsed.data;
  if (faultsInput !== undefined) assertFaultInjectionEnabled("faults");
  const faults = faultsSchema.safeParse(faultsInput ?? {});
  if (!faults.success) throw new ValidationError(fieldErrorsFromIssues(faults.error.issues.map((i) => ({ ...i, path: ["faults", ...i.path] }))));
  const region = findRegion(settings.region)!;

  const plan = computePlan(settings, { plan: user.plan, environmentsInUse: await countActiveEnvironments(user.id) });
  const max = user.plan.quotas.maxEnvironments;
  // The environments quota is enforced by the store, under the account's lock; the other quotas are the plan's.
  const failed = plan.quota.verdicts.filter((v) => !v.ok && v.quota !== "maxEnvironments");
  // The plan's own limits (workers at install, room on the workers) are not the account's: no plan upgrade helps.
  const overQuota = failed.filter((v) => Object.hasOwn(user.plan.quotas, v.quota));
  const overLimit = failed.filter((v) => !Object.hasOwn(user.plan.quotas, v.quota));
  if (overLimit.length > 0) throw new UnprocessableError(overLimit.map((v) => v.message).join(" "));
  if (overQuota.length > 0) {
    throw new ForbiddenError(`This cluster does not fit your ${user.plan.name} plan. ${overQuota.map((v) => v.message).join(" ")}`);
  }

  const outcome = await insertEnvironment(database(), { userId: user.id, settings, plan, requestId, faults: faults.data, maxEnvironments: max, now: new Date() });
  switch (outcome.kind) {
    case "created":
      await recordAudit(audit, {
        action: "environment.install",
        target: settings.name,
        details: { region: settings.region, topology: settings.topology, version: settings.version, workers: settings.workers, addons: settings.addons },
      });
      return { id: outcome.id, name: settings.name, domain: plan.domain, created: true };
    case "repeat":
      if (stableJson(outcome.settings) !== stableJson(settings)) {
        throw new UnprocessableError(
          `This Idempotency-Key was already used for another request (it created "${outcome.name}"). Use a new key for new settings.`,
          "idempotency_key_reused",
        );
      }
      return { id: outcome.id, name: outcome.name, domain: outcome.domain, created: false };
    case "quota-full":
      throw new ForbiddenError(`This cluster does not fit your ${user.plan.name} plan. ${describeEnvironmentsFull(max, outcome.inUse)} Delete one or upgrade your plan.`);
    case "name-taken": {
      const message = outcome.ownOtherRegion
        ? `You already have an environment named "${settings.name}" in another region. Choose another name.`
        : `The name "${settings.name}" is taken in ${region.name}. Choose another name.`;
      throw new ConflictError(message, { name: message });
    }
  }
}
