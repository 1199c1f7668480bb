import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/api-route";
import { changeActionOf } from "@/lib/api/change-action-of";
import { requestEnvironmentChange } from "@/lib/data/request-environment-change";

/** Day 2: makes a change (e.g. `scale-workers` with `{ "workers": 3 }`): 202 with the operation and its diff. */
export const POST = apiRoute<{ name: string; action: string }>(async ({ request, user, params, audit }) => {
  const action = changeActionOf(params.action);
  return NextResponse.json(await requestEnvironmentChange(user, params.name, action, await readJson(request), audit), {
    status: 202,
  });
});
