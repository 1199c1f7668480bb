import { env } from "@/lib/env";
import { AppError, ConflictError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** RFC 9457 problem details, with the field errors of a refused request as `errors`. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: { field: string; message: string }[];
};

const titles: Record<number, string> = {
  400: "The request has invalid input",
  401: "Not authenticated",
  403: "Not allowed",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict with the current state",
  413: "Request too large",
  415: "Unsupported media type",
  422: "The request cannot be processed as sent",
  429: "Too many requests",
  500: "Something went wrong on our side",
};

/** Problem type URIs point at their explanation on the API reference page. */
const problemType = (code: string) => `${new URL(env().appUrl).origin}/docs/api#problem-${code}`;

export function problem(
  status: number,
  code: string,
  detail: string,
  instance: string,
  errors?: Record<string, string>,
): Problem {
  const list = errors ? Object.entries(errors).map(([field, message]) => ({ field, message })) : [];
  return {
    type: problemType(code),
    title: titles[status] ?? "Error",
    status,
    detail,
    instance,
    code,
    ...(list.length > 0 ? { errors: list } : {}),
  };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

/** Any error as a problem: typed application errors with their status, input PostgreSQL refused as 400, the rest a logged 500. */
export function problemFor(e: unknown, request: Request): Response {
  const instance = new URL(request.url).pathname;
  if (e instanceof AppError) {
    const fieldErrors = e instanceof ValidationError || e instanceof ConflictError ? e.fieldErrors : undefined;
    const headers: Record<string, string> =
      "retryAfterSeconds" in e && typeof e.retryAfterSeconds === "number"
        ? { "retry-after": String(e.retryAfterSeconds) }
        : {};
    return problemResponse(problem(e.status, e.code, e.message, instance, fieldErrors), headers);
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && (code.startsWith("22") || code === "54000")) {
    return problemResponse(
      problem(
        400,
        "invalid_input",
        "The request contains a value that cannot be stored (such as a NUL character or a number out of range).",
        instance,
      ),
    );
  }
  logger.error({ err: e, method: request.method, url: instance }, "unhandled API error");
  return problemResponse(
    problem(500, "internal", "Something went wrong on our side. Try again; if it persists, contact support.", instance),
  );
}
