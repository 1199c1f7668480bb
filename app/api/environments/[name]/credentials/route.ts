import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getCredentials } from "@/lib/data/get-credentials";

export const GET = apiRoute<{ name: string }>(async ({ user, params, audit }) => {
  return NextResponse.json(
    { credentials: await getCredentials(user.id, params.name, audit) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
