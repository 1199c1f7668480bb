import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/api-route";
import { activateAddons } from "@/lib/data/activate-addons";

/** Day 2: `{ "monitoring": true }` activates Monitoring on a running cluster (202); 409 when not possible now. */
export const POST = apiRoute<{ name: string }>(async ({ request, user, params }) => {
  return NextResponse.json(await activateAddons(user, params.name, await readJson(request)), { status: 202 });
});
