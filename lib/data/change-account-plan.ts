import { findAccountPlan } from "@/lib/catalog";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";

/** Simulated billing: the plan changes at once, no payment. Existing environments keep running. */
export async function changeAccountPlan(userId: string, planId: string): Promise<void> {
  if (!findAccountPlan(planId)) throw new ValidationError({ plan: "Choose one of the listed plans." });
  await db().user.update({ where: { id: userId }, data: { plan: planId } });
}
