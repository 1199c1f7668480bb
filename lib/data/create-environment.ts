import { randomUUID } from "node:crypto";
import { findRegion } from "@/lib/catalog";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { ConflictError, ForbiddenError, UnprocessableError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { createOperation } from "@/lib/engine/create-operation";
import { appendEvent } from "@/lib/engine/engine-events";
import { faultsSchema } from "@/lib/engine/faults";
import { insertEnvironment } from "@/lib/engine/insert-environment";
import { activeEnvironmentStatuses } from "@/lib/environments/environment-status";
import { computePlan } from "@/lib/plan";
import { sqlite } from "@/lib/sqlite";
import { stableJson } from "@/lib/stable-json";
import { installSettingsSchema, type InstallSettings } from "@/lib/validations/install-settings";
import { assertFaultInjectionEnabled } from "./assert-fault-injection-enabled";
import { countActiveEnvironments } from "./count-active-environments";

export type CreatedEnvironment = { id: string; name: string; domain: string; created: boolean };

/**
 * Submits an install: re-validates the settings with the dialog's schema, checks the plan's quotas, and
 * stores the environment in state queued with its settings and plan. Name uniqueness (per region, and per
 * owner so that /environments/<name> is unambiguous) is enforced by unique columns, and the environment
 * quota is re-counted inside the same IMMEDIATE transaction, so of two concurrent submits exactly one wins.
 * A repeated `requestId` returns the environment the first request created instead of a second one — only
 * for the same settings: a key reused for another request is refused (422), as payment APIs do. The
 * install operation and its step graph are created in the same transaction, so the engine picks it up.
 */
export async function createEnvironment(
  user: CurrentUser,
  input: unknown,
  requestId: string,
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
  const conn = sqlite();
  const findRepeat = () => {
    const row = conn.prepare("SELECT id, name, domain, settings FROM environment WHERE userId = ? AND requestId = ?").get(user.id, requestId) as
      | { id: string; name: string; domain: string; settings: string }
      | undefined;
    if (!row) return undefined;
    if (stableJson(JSON.parse(row.settings)) !== stableJson(settings)) {
      throw new UnprocessableError(
        `This Idempotency-Key was already used for another request (it created "${row.name}"). Use a new key for new settings.`,
        "idempotency_key_reused",
      );
    }
    return { id: row.id, name: row.name, domain: row.domain, created: false };
  };
  // A retried request must get its answer even when the environment it created now fills the quota.
  const repeat = findRepeat();
  if (repeat) return repeat;

  const plan = computePlan(settings, { plan: user.plan, environmentsInUse: await countActiveEnvironments(user.id) });
  const failed = plan.quota.verdicts.filter((v) => !v.ok);
  if (failed.length > 0) {
    throw new ForbiddenError(`This cluster does not fit your ${user.plan.name} plan. ${failed.map((v) => v.message).join(" ")}`);
  }

  const insert = conn.transaction((): CreatedEnvironment => {
    const concurrentRepeat = findRepeat();
    if (concurrentRepeat) return concurrentRepeat;

    const taken = conn
      .prepare("SELECT userId, region FROM environment WHERE regionClaim = ? OR ownerClaim = ?")
      .get(`${settings.region}/${settings.name}`, `${user.id}/${settings.name}`) as
      | { userId: string; region: string }
      | undefined;
    if (taken) throw nameTaken(settings, region.name, taken.userId === user.id && taken.region !== settings.region);

    const id = randomUUID();
    const now = new Date();
    insertEnvironment(conn, { id, userId: user.id, settings, plan, requestId, faults: faults.data, now });

    const placeholders = activeEnvironmentStatuses.map(() => "?").join(", ");
    const { n } = conn
      .prepare(`SELECT COUNT(*) AS n FROM environment WHERE userId = ? AND status IN (${placeholders})`)
      .get(user.id, ...activeEnvironmentStatuses) as { n: number };
    const max = user.plan.quotas.maxEnvironments;
    if (n > max) {
      throw new ForbiddenError(
        `Environments: your ${user.plan.name} plan allows ${max} and all ${max} are in use. Delete one or upgrade your plan.`,
      );
    }

    appendEvent(conn, {
      environmentId: id,
      type: "environment.queued",
      message: `Install of ${plan.domain} queued (${plan.totals.nodes} nodes, Kubernetes ${settings.version}).`,
      data: { status: "queued" },
      actorId: user.id,
      at: now,
    });
    createOperation(conn, { environmentId: id, type: "install", steps: plan.steps, actorId: user.id, now });
    return { id, name: settings.name, domain: plan.domain, created: true };
  });

  try {
    return insert.immediate();
  } catch (e) {
    // A concurrent submit in another process can still win the unique index between our check and insert.
    if (e instanceof Error && "code" in e && e.code === "SQLITE_CONSTRAINT_UNIQUE") {
      throw nameTaken(settings, region.name, false);
    }
    throw e;
  }
}

function nameTaken(settings: InstallSettings, regionName: string, ownOtherRegion: boolean): ConflictError {
  const message = ownOtherRegion
    ? `You already have an environment named "${settings.name}" in another region. Choose another name.`
    : `The name "${settings.name}" is taken in ${regionName}. Choose another name.`;
  return new ConflictError(message, { name: message });
}
