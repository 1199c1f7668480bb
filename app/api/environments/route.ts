import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/api-route";
import { createEnvironment } from "@/lib/data/create-environment";
import { findEnvironmentList } from "@/lib/data/find-environment-list";
import { ValidationError } from "@/lib/errors";
import { withInstallDefaults } from "@/lib/validations/install-settings";

export const GET = apiRoute(async ({ user }) => {
  return NextResponse.json({ environments: await findEnvironmentList(user.id) });
});

/**
 * Creates an environment from install settings (the dialog's schema). An `Idempotency-Key` header makes a
 * retried request return the environment the first one created (200) instead of a second one (201).
 */
export const POST = apiRoute(async ({ request, user, audit }) => {
  const key = request.headers.get("idempotency-key")?.trim();
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,100}$/.test(key)) {
    throw new ValidationError({}, "Idempotency-Key must be 8–100 letters, digits, hyphens or underscores.");
  }
  const body = await readJson(request);
  // `faults` (tests and demos) travels beside the settings, not inside them.
  const { faults, ...settings } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const result = await createEnvironment(user, withInstallDefaults(settings), audit, key ?? randomUUID(), faults);
  return NextResponse.json(
    { environment: { id: result.id, name: result.name, domain: result.domain, url: `/environments/${result.name}` } },
    { status: result.created ? 201 : 200 },
  );
});
