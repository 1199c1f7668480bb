import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/api-route";
import { changeAccountPlan } from "@/lib/data/change-account-plan";

/** Simulated billing: `{ "plan": "trial" | "developer" | "business" }` changes the plan at once. */
export const PUT = apiRoute(async ({ request, user, audit }) => {
  return NextResponse.json(await changeAccountPlan(user, await readJson(request), audit));
});
