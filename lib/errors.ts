/**
 * Typed application errors. Each says who can fix it (house rule 8): the user (bad input, quota, conflict),
 * or the platform (needs support). Route handlers map them to HTTP statuses; nothing a client sends may
 * surface as a 500.
 */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fixableBy: "user" | "platform" = "user",
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Some fields need your attention.",
  ) {
    super(message, 400, "invalid_input");
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in to continue.") {
    super(message, 401, "unauthorized");
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, 403, "forbidden");
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super(message, 404, "not_found");
  }
}

export class ConflictError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message, 409, "conflict");
  }
}

/** The request is well-formed but cannot be processed as sent, e.g. an idempotency key reused for another body. */
export class UnprocessableError extends AppError {
  constructor(message: string, code = "unprocessable") {
    super(message, 422, code);
  }
}

/**
 * Flattens zod issues into `{ "custom.manifests": "message" }`, first message per field. A key a strict object
 * does not know is a field error of its own (`{ "wokers": "Not an install setting: …" }`), not one of the object.
 */
export function fieldErrorsFromIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const paths =
      issue.code === "unrecognized_keys" && issue.keys ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of paths) out[path.map(String).join(".") || "form"] ??= issue.message;
  }
  return out;
}

/** Too many requests for now: try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, "rate_limited");
  }
}

/** The request body is larger than the endpoint takes. */
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(message, 413, "too_large");
  }
}

/** A token whose scope does not cover the operation (a Read token on a write). */
export class InsufficientScopeError extends AppError {
  constructor(message: string) {
    super(message, 403, "insufficient_scope");
  }
}

/** The same Idempotency-Key is being processed by another request: retry after `retryAfterSeconds`. */
export class IdempotencyKeyInUseError extends AppError {
  readonly retryAfterSeconds = 1;
  constructor() {
    super(
      "A request with this Idempotency-Key is still being processed. Wait for its answer, or retry in a second to get it.",
      409,
      "idempotency_key_in_use",
    );
  }
}
