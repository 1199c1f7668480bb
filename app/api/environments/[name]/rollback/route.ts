import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { requestEnvironmentOperation } from "@/lib/data/request-environment-operation";

/** Undoes the newest change when it failed after adding nodes (they are removed; the old plan is restored). */
export const POST = apiRoute<{ name: string }>(async ({ user, params, audit }) => {
  return NextResponse.json(await requestEnvironmentOperation(user.id, params.name, "rollback", audit), { status: 202 });
});
