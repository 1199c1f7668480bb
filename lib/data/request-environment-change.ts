import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import type { ChangeAction } from "@/lib/changes";
import { database } from "@/lib/db/database";
import { requestChange } from "@/lib/engine";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import type { PlanDiff } from "@/lib/plan";
import { prepareEnvironmentChange } from "./prepare-environment-change";

/** Which field a broken quota is shown on, for the actions whose parameters decide the size. */
const quotaField: Partial<Record<ChangeAction, string>> = { "scale-workers": "workers" };

/**
 * Makes a day-2 change on one of the user's running clusters, after the same checks as its preview; a change
 * that would break a quota is refused with the reason. Returns the operation and the diff it was judged on.
 */
export async function requestEnvironmentChange(
  user: CurrentUser,
  name: string,
  action: ChangeAction,
  input: unknown,
  audit: AuditContext,
): Promise<{ operationId: string; summary: string; diff: PlanDiff }> {
  const { environment, change, problems } = await prepareEnvironmentChange(user, name, action, input);
  if (problems.length > 0) {
    const message = `This change would exceed your plan: ${problems.join(" ")}`;
    const field = quotaField[action];
    throw new ValidationError(field ? { [field]: message } : {}, message);
  }
  const operationId = await requestChange(database(), {
    environmentId: environment.id,
    actorId: user.id,
    now: new Date(),
    type: change.type,
    settings: change.settings,
    plan: change.plan,
    steps: change.steps,
    params: change.params,
    ...(change.secrets ? { secrets: change.secrets, encryptionKey: env().encryptionKey } : {}),
  });
  await recordAudit(audit, { action: "environment.change", target: environment.name, details: { change: action, summary: change.params.summary } });
  return { operationId, summary: change.params.summary, diff: change.diff };
}
