import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/api-route";
import { requestEnvironmentChange } from "@/lib/data/request-environment-change";

/** Day 2: `{ "monitoring": true }` activates Monitoring (202); the same as POST …/changes/addons. */
export const POST = apiRoute<{ name: string }>(async ({ request, user, params, audit }) => {
  return NextResponse.json(
    await requestEnvironmentChange(user, params.name, "addons", await readJson(request), audit),
    { status: 202 },
  );
});
