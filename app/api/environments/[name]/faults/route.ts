import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/api-route";
import { setEnvironmentFaults } from "@/lib/data/set-environment-faults";

/** Fault injection for tests and demos: `{ "transientFailureRate": 0.3, "named": ["worker-never-joins"] }`. */
export const PUT = apiRoute<{ name: string }>(async ({ request, user, params }) => {
  return NextResponse.json({ faults: await setEnvironmentFaults(user.id, params.name, await readJson(request)) });
});
