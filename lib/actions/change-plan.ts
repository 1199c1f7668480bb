"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { findAccountPlan } from "@/lib/catalog";
import { changeAccountPlan } from "@/lib/data/change-account-plan";
import { changePlanSchema } from "@/lib/validations/account";

export type ChangePlanState = { ok: boolean; message: string } | null;

export async function changePlan(_prev: ChangePlanState, formData: FormData): Promise<ChangePlanState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  const parsed = changePlanSchema.safeParse({ plan: formData.get("plan") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Choose a plan." };
  if (parsed.data.plan === user.plan.id) return { ok: true, message: `You are already on the ${user.plan.name} plan.` };
  await changeAccountPlan(user.id, parsed.data.plan);
  revalidatePath("/", "layout");
  return { ok: true, message: `Your plan is now ${findAccountPlan(parsed.data.plan)!.name}.` };
}
