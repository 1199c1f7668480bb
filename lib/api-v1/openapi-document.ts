import { env } from "@/lib/env";
import { z } from "@/lib/validations/zod";
import type { Operation } from "./define-operation";
import { operations } from "./operations";

type Json = Record<string, unknown>;

/** JSON Schema (2020-12, what OpenAPI 3.1 uses) of a zod schema, as requests are read (`input`) or answers written. */
function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

const problemSchema: Json = {
  type: "object",
  description: "RFC 9457 problem details. `errors` lists each refused field.",
  required: ["type", "title", "status", "detail", "instance", "code"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    instance: { type: "string" },
    code: { type: "string" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["field", "message"],
        properties: { field: { type: "string" }, message: { type: "string" } },
      },
    },
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

/** Answers every operation may give, beside its own. */
function commonResponses(op: Operation): Record<string, unknown> {
  return {
    ...(op.params || op.query || op.body
      ? { "400": problemResponse("Invalid input: each field's error in `errors`.") }
      : {}),
    "401": problemResponse("No valid token or session: missing, malformed, revoked or expired token."),
    ...(op.scope === "write" ? { "403": problemResponse("A Read token on an operation that changes something.") } : {}),
    "429": {
      ...problemResponse("Rate limit reached: retry after the Retry-After header's seconds."),
      headers: { "Retry-After": { schema: { type: "integer" } } },
    },
  };
}

function parameters(op: Operation): Json[] {
  const out: Json[] = [];
  const add = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return;
    const json = schemaOf(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property as Json & { description?: string };
      out.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  };
  add(op.params, "path");
  add(op.query, "query");
  if (op.method === "POST") {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Makes a retried POST safe: the same key with the same request returns the first answer (Idempotent-Replayed: true) for 24 hours.",
      schema: { type: "string", minLength: 8, maxLength: 200, pattern: "^[A-Za-z0-9_.:-]+$" },
    });
  }
  return out;
}

let cached: { url: string; document: Json } | undefined;

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas — the ones that validate
 * requests — so it cannot drift from the routes (a test calls every operation it lists).
 */
export function openApiDocument(): Json {
  const url = env().appUrl;
  if (cached?.url === url) return cached.document;
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= {});
    item[op.method.toLowerCase()] = {
      operationId: op.id,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      "x-scope": op.scope,
      "x-permission": op.permission,
      parameters: parameters(op),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: schemaOf(op.body, "input"),
                  ...(op.example?.body !== undefined ? { example: op.example.body } : {}),
                },
              },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(op.responses).map(([status, r]) => [
            status,
            {
              description: r.description,
              ...(r.schema
                ? { content: { [r.contentType ?? "application/json"]: { schema: schemaOf(r.schema, "output") } } }
                : r.contentType
                  ? { content: { [r.contentType]: { schema: { type: "string" } } } }
                  : {}),
            },
          ]),
        ),
        ...commonResponses(op),
      },
    };
  }
  const document: Json = {
    openapi: "3.1.0",
    info: {
      title: "Clusterport API",
      version: "1.0.0",
      description:
        "Install and run Kubernetes clusters from scripts and pipelines. Authenticate with an API token from your Account page (Authorization: Bearer cp_…); Read tokens may call the GET operations only. Errors are application/problem+json. Lists are paged with limit and cursor (the previous page's nextCursor).",
    },
    servers: [{ url: `${url}/api/v1` }],
    security: [{ token: [] }, { session: [] }],
    tags: [...new Set(operations.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        token: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "cp_…",
          description: "An API token from the Account page.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "better-auth.session_token",
          description: "The browser's session (the app's own pages).",
        },
      },
      schemas: { Problem: problemSchema },
    },
  };
  cached = { url, document };
  return document;
}
