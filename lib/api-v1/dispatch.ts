import "server-only";
import { countTokenRequest } from "@/lib/data/api-requests/count-token-request";
import { claimIdempotencyKey, settleIdempotencyKey } from "@/lib/data/api-requests/idempotency";
import { env } from "@/lib/env";
import { PayloadTooLargeError, TooManyRequestsError, ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import type { z } from "@/lib/validations/zod";
import { assertPermission } from "./assert-permission";
import { authenticate } from "./authenticate";
import type { Operation } from "./define-operation";
import { noOperationDetail } from "./no-operation-detail";
import { openApiDocument } from "./openapi-document";
import { operations } from "./operations";
import { problem, problemFor, problemResponse } from "./problem";

/** The most a request body may carry (install settings with manifests are the largest: 256 KiB of YAML). */
const bodyLimit = 1024 * 1024;

type Match = { op: Operation; params: Record<string, string> };

function match(method: string, path: string): Match | { allowed: string[] } | undefined {
  const segments = path.split("/").filter((s) => s !== "");
  const allowed: string[] = [];
  for (const op of operations) {
    const pattern = op.path.split("/").filter((s) => s !== "");
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((p, i) => {
      const segment = segments[i]!;
      if (p.startsWith("{") && p.endsWith("}")) {
        params[p.slice(1, -1)] = segment;
        return true;
      }
      return p === segment;
    });
    if (!fits) continue;
    if (op.method === method) return { op, params };
    allowed.push(op.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
  const message = parsed.error.issues[0]?.message ?? "invalid";
  // The body's own words stand alone, as the pages show them; a path or query is named, since nobody typed it.
  throw new ValidationError(fieldErrors, where === "Body" ? message : `${where}: ${message}`);
}

/**
 * Every /api/v1 request: the operation by method and path (404, or 405 with Allow), the caller (a token or the
 * browser's session), the permission the operation names (403 when the caller's role, narrowed by a token's
 * scope, lacks it: assert-permission.ts), its rate limit (429 with Retry-After), the path, query and body
 * checked by the operation's schemas (400 with each field's error), an Idempotency-Key on a POST (the first
 * answer replayed), then the handler. Every error is
 * application/problem+json (RFC 9457). `/openapi.json` is public.
 */
export async function dispatchV1(request: Request, segments: readonly string[]): Promise<Response> {
  const path = `/${segments.join("/")}`;
  const headers: Record<string, string> = {};
  let claimed: string | undefined;
  try {
    if (path === "/openapi.json" && request.method === "GET") {
      return new Response(JSON.stringify(openApiDocument()), {
        headers: { "content-type": "application/json", "cache-control": "no-store" },
      });
    }
    const found = match(request.method, path);
    if (!found)
      return problemResponse(problem(404, "not_found", noOperationDetail(path), new URL(request.url).pathname));
    if ("allowed" in found) {
      return problemResponse(
        problem(
          405,
          "method_not_allowed",
          `${path.slice(0, 200)} takes ${found.allowed.join(", ")}, not ${request.method}.`,
          new URL(request.url).pathname,
        ),
        { allow: found.allowed.join(", ") },
      );
    }
    const { op, params } = found;
    const principal = await authenticate(request);
    assertPermission(principal, op);
    if (principal.token) {
      const limit = env().apiRateLimit;
      const rate = await countTokenRequest(principal.token.id, limit);
      Object.assign(headers, {
        "ratelimit-limit": String(limit),
        "ratelimit-remaining": String(rate.remaining),
        "ratelimit-reset": String(rate.resetSeconds),
      });
      if (!rate.allowed)
        throw new TooManyRequestsError(
          `This token made more than ${limit} requests this minute. Try again in ${rate.resetSeconds} s.`,
          rate.resetSeconds,
        );
    }
    const url = new URL(request.url);
    const text = op.body ? await readText(request) : "";
    const ctx = {
      principal,
      params: parse(op.params, params, "Path"),
      query: parse(op.query, Object.fromEntries(url.searchParams), "Query"),
      body: op.body ? parse(op.body, parseJson(text, request), "Body") : undefined,
      request,
      audit: { userId: principal.user.id, via: principal.via, ip: principal.ip, userAgent: principal.userAgent },
    };
    const key = request.headers.get("idempotency-key");
    if (request.method === "POST" && key !== null) {
      const claim = await claimIdempotencyKey(principal.user.id, key.trim(), {
        method: request.method,
        path,
        body: text,
      });
      if (claim.kind === "replay")
        return json(claim.answer.status, claim.answer.body, { ...headers, "idempotent-replayed": "true" });
      claimed = claim.id;
    }
    const answer = await op.handler(ctx as Parameters<Operation["handler"]>[0]);
    if (answer instanceof Response) {
      for (const [k, v] of Object.entries(headers)) answer.headers.set(k, v);
      if (claimed) await settleIdempotencyKey(claimed, { status: answer.status, body: null });
      return answer;
    }
    if (claimed) await settleIdempotencyKey(claimed, { status: answer.status, body: answer.body });
    return json(answer.status, answer.body, { ...headers, ...answer.headers });
  } catch (e) {
    const response = problemFor(e, request);
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    if (claimed) await settleIdempotencyKey(claimed, { status: response.status, body: await response.clone().json() });
    return response;
  }
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

async function readText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > bodyLimit) throw tooLarge();
  const buffer = await request.arrayBuffer();
  if (buffer.byteLength > bodyLimit) throw tooLarge();
  return new TextDecoder().decode(buffer);
}

const tooLarge = () => new PayloadTooLargeError(`The request body is larger than ${bodyLimit / 1024} KiB.`);

function parseJson(text: string, request: Request): unknown {
  const type = request.headers.get("content-type") ?? "";
  if (text.trim() === "") return {};
  if (!type.toLowerCase().includes("application/json"))
    throw new ValidationError({}, "Send the request body as JSON with Content-Type: application/json.");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ValidationError(
      {},
      `The request body is not valid JSON: ${e instanceof Error ? e.message : "unreadable"}.`,
    );
  }
}
