import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { checkNameAvailability } from "@/lib/data/check-name-availability";
import { suggestEnvironmentName } from "@/lib/data/suggest-environment-name";
import { ValidationError } from "@/lib/errors";

/** `?region=…&name=…` checks a name; without `name` it suggests a free one. */
export const GET = apiRoute(async ({ request, user }) => {
  const params = new URL(request.url).searchParams;
  const region = params.get("region");
  if (!region) throw new ValidationError({ region: "Choose a region." });
  const name = params.get("name");
  if (name === null) return NextResponse.json({ suggestion: await suggestEnvironmentName(user.id, region) });
  return NextResponse.json(await checkNameAvailability(user.id, name, region));
});
