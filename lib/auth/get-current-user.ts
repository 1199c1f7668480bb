import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { findAccountPlan, type AccountPlan } from "@/lib/catalog";
import { auth } from "./auth";

export type CurrentUser = { id: string; name: string; email: string; plan: AccountPlan };

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = session.user as typeof session.user & { plan?: string };
  const plan = findAccountPlan(user.plan ?? "") ?? findAccountPlan("developer")!;
  return { id: user.id, name: user.name, email: user.email, plan };
});
