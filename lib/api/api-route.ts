import "server-only";
import { NextResponse } from "next/server";
import type { AuditContext } from "@/lib/audit/record-audit";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/get-current-user";
import { AppError, ConflictError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { logger } from "@/lib/logger";

type Handler<P> = (ctx: { request: Request; user: CurrentUser; params: P; audit: AuditContext }) => Promise<Response>;

/**
 * Wraps a route handler: requires a session (401 otherwise), maps typed errors to their status with a JSON
 * body `{ error: { code, message, fieldErrors? } }`, and turns anything unexpected into a logged 500 that
 * says the problem is ours. Nothing a client sends should reach that branch.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const user = await getCurrentUser();
      if (!user) throw new UnauthorizedError();
      const audit: AuditContext = {
        userId: user.id,
        via: "browser",
        ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "",
        userAgent: request.headers.get("user-agent") ?? "",
      };
      return await handler({ request, user, params: await context.params, audit });
    } catch (e) {
      return errorResponse(e, request);
    }
  };
}

export function errorResponse(e: unknown, request: Request): Response {
  if (e instanceof AppError) {
    const fieldErrors = e instanceof ValidationError || e instanceof ConflictError ? e.fieldErrors : undefined;
    return NextResponse.json(
      {
        error: {
          code: e.code,
          message: e.message,
          ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}),
        },
      },
      { status: e.status },
    );
  }
  // PostgreSQL refusing a value the request carried (a NUL byte, an out-of-range number, a value too long
  // to index) is the client's input, not our failure; every such error is in class 22 or is 54000.
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (code.startsWith("22") || code === "54000")) {
    return NextResponse.json(
      {
        error: {
          code: "invalid_input",
          message:
            "The request contains a value that cannot be stored (such as a NUL character or a number out of range).",
        },
      },
      { status: 400 },
    );
  }
  logger.error({ err: e, method: request.method, url: new URL(request.url).pathname }, "unhandled API error");
  return NextResponse.json(
    {
      error: {
        code: "internal",
        message: "Something went wrong on our side. Try again; if it persists, contact support.",
      },
    },
    { status: 500 },
  );
}

/** Reads a JSON body; a missing or malformed body is the client's error, said in words. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw new ValidationError({}, "Send the request body as JSON with Content-Type: application/json.");
  }
  try {
    return await request.json();
  } catch {
    throw new ValidationError({}, "The request body is not valid JSON.");
  }
}
