import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getEnvironment } from "@/lib/data/get-environment";
import { requestEnvironmentOperation } from "@/lib/data/request-environment-operation";

export const GET = apiRoute<{ name: string }>(async ({ user, params }) => {
  return NextResponse.json({ environment: await getEnvironment(user.id, params.name) });
});

/** Starts the teardown; the environment reaches Deleted when its delete operation ends. */
export const DELETE = apiRoute<{ name: string }>(async ({ user, params, audit }) => {
  return NextResponse.json(await requestEnvironmentOperation(user.id, params.name, "delete", audit), { status: 202 });
});
