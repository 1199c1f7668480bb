import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getEnvironment } from "@/lib/data/get-environment";

export const GET = apiRoute<{ name: string }>(async ({ user, params }) => {
  return NextResponse.json({ environment: await getEnvironment(user.id, params.name) });
});
