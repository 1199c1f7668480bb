import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { findAccountPlan } from "@/lib/catalog";
import { database } from "@/lib/db/database";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { changePlanSchema } from "@/lib/validations/account";

export type PlanChange = { plan: { id: string; name: string }; changed: boolean; message: string };

/** Simulated billing: the plan changes at once, no payment. Existing environments keep running. */
export async function changeAccountPlan(user: CurrentUser, input: unknown, audit: AuditContext): Promise<PlanChange> {
  const parsed = changePlanSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues), parsed.error.issues[0]?.message);
  const plan = findAccountPlan(parsed.data.plan)!;
  if (plan.id === user.plan.id) {
    return { plan: { id: plan.id, name: plan.name }, changed: false, message: `You are already on the ${plan.name} plan.` };
  }
  await database().query(`UPDATE "user" SET plan = $2, "updatedAt" = now() WHERE id = $1`, [user.id, plan.id]);
  await recordAudit(audit, { action: "plan.change", target: plan.name, details: { from: user.plan.id, to: plan.id } });
  return { plan: { id: plan.id, name: plan.name }, changed: true, message: `Your plan is now ${plan.name}.` };
}
