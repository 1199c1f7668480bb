import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getCredentials } from "@/lib/data/get-credentials";

export const GET = apiRoute<{ name: string }>(async ({ user, params }) => {
  return NextResponse.json({ credentials: await getCredentials(user.id, params.name) }, { headers: { "Cache-Control": "no-store" } });
});
