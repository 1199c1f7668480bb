import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { requestEnvironmentOperation } from "@/lib/data/request-environment-operation";

export const POST = apiRoute<{ name: string }>(async ({ user, params, audit }) => {
  return NextResponse.json(await requestEnvironmentOperation(user.id, params.name, "retry", audit), { status: 202 });
});
