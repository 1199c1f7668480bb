import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/api-route";
import { changeActionOf } from "@/lib/api/change-action-of";
import { prepareEnvironmentChange } from "@/lib/data/prepare-environment-change";

/** Day 2: what a change would do, changing nothing: its summary, plan diff, and the quotas it would break. */
export const POST = apiRoute<{ name: string; action: string }>(async ({ request, user, params }) => {
  const action = changeActionOf(params.action);
  const { change, problems } = await prepareEnvironmentChange(user, params.name, action, await readJson(request));
  return NextResponse.json({ action, summary: change.params.summary, diff: change.diff, problems });
});
