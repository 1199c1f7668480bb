import type { Metadata } from "next";
import Link from "next/link";
import { SchemaView, typeOf, type Schema } from "@/components/api-reference/schema-view";
import { openApiDocument } from "@/lib/api-v1/openapi-document";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

type Parameter = { name: string; in: string; required: boolean; schema: Schema; description?: string };
type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  "x-scope": "read" | "write";
  "x-permission": string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> };
  responses: Record<string, { description: string }>;
};

const problems = [
  ["invalid_input", 400, "A field or the body is not valid: `errors` lists each field and what is wrong."],
  ["unauthorized", 401, "No token, or a token that is malformed, unknown, revoked or expired (the detail says which)."],
  ["insufficient_scope", 403, "A Read token on an operation that changes something: use a Read and write token."],
  ["forbidden", 403, "Something your plan does not allow, or a browser request from another site."],
  ["invalid_path", 400, "The address has malformed percent-encoding (such as %ff)."],
  ["not_found", 404, "No such environment, token or route in your account."],
  ["method_not_allowed", 405, "The route exists with other methods (the Allow header lists them)."],
  [
    "conflict",
    409,
    "Not possible in the current state: another operation runs, the name is taken, the cluster is not running.",
  ],
  [
    "idempotency_key_in_use",
    409,
    "A request with the same Idempotency-Key is still running: retry after Retry-After to get its answer.",
  ],
  ["too_large", 413, "The body is over 1 MiB."],
  ["idempotency_key_reused", 422, "The Idempotency-Key was used for a different request."],
  ["rate_limited", 429, "The token's requests per minute are used up: retry after Retry-After seconds."],
  ["internal", 500, "Our failure; try again."],
] as const;

/** The API's reference, rendered from its OpenAPI document (the one served at /api/v1/openapi.json). */
export default function ApiReferencePage() {
  const doc = openApiDocument() as { servers: { url: string }[]; paths: Record<string, Record<string, Operation>> };
  const server = doc.servers[0]!.url;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags[0] ?? "Other"))];
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-8 sm:px-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link className="underline" href="/marketplace">
            Clusterport
          </Link>{" "}
          › API reference
        </p>
        <h1 className="text-2xl font-semibold">Clusterport API v1</h1>
        <p className="text-slate-700">
          Everything the pages do, for scripts, CI pipelines and the <code>clusterport</code> CLI. Base URL{" "}
          <code>{server}</code>; the OpenAPI 3.1 document is{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (generated from the same schemas that check the requests).
        </p>
      </header>
      <section
        aria-labelledby="basics-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm"
      >
        <h2 id="basics-heading" className="font-semibold">
          Basics
        </h2>
        <p>
          <strong>Authentication.</strong> Create a token on your{" "}
          <Link className="underline" href="/account">
            Account
          </Link>{" "}
          page and send it as <code>Authorization: Bearer cp_…</code>. A <em>Read</em> token may call the operations
          marked read; <em>Read and write</em> calls everything. Tokens can expire and are revoked in one click.
        </p>
        <pre
          tabIndex={0}
          aria-label="Example request"
          className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
        >{`curl -H "Authorization: Bearer $CLUSTERPORT_TOKEN" ${server}/environments`}</pre>
        <p>
          <strong>Lists</strong> answer <code>{"{ items, nextCursor }"}</code>: pass <code>?cursor=</code> the
          nextCursor to get the next page (<code>limit</code> up to 200). <strong>POST</strong> takes an{" "}
          <code>Idempotency-Key</code> header: the same key with the same request returns the first answer for 24 hours
          (<code>Idempotent-Replayed: true</code>). <strong>Rate limit:</strong> a number of requests per token per
          minute (<code>RateLimit-Remaining</code>, <code>RateLimit-Reset</code>); beyond it, 429 with{" "}
          <code>Retry-After</code>.
        </p>
      </section>
      <section
        aria-labelledby="errors-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm"
      >
        <h2 id="errors-heading" className="font-semibold">
          Errors
        </h2>
        <p>
          Every error is <code>application/problem+json</code> (RFC 9457): <code>type</code> (a link to its explanation
          below), <code>title</code>, <code>status</code>, <code>detail</code> (what happened, in words),{" "}
          <code>instance</code>, <code>code</code>, and for invalid input <code>errors: [{"{ field, message }"}]</code>.
        </p>
        <dl className="grid gap-2 sm:grid-cols-[auto_1fr]">
          {problems.map(([code, status, text]) => (
            <div key={code} id={`problem-${code}`} className="contents">
              <dt className="font-mono text-xs font-medium">
                {status} {code}
              </dt>
              <dd className="text-slate-700">{text}</dd>
            </div>
          ))}
        </dl>
      </section>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-3">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {operations
            .filter((o) => (o.op.tags[0] ?? "Other") === tag)
            .map(({ path, method, op }) => {
              const body = op.requestBody?.content["application/json"];
              return (
                <article
                  key={op.operationId}
                  id={op.operationId}
                  aria-labelledby={`${op.operationId}-title`}
                  className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
                >
                  <h3 id={`${op.operationId}-title`} className="font-medium">
                    <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{method}</span>
                    <code>{path}</code> <span className="ml-2 text-slate-700">{op.summary}</span>
                  </h3>
                  {op.description ? <p className="mt-1 text-slate-600">{op.description}</p> : null}
                  <p className="mt-1 text-xs text-slate-500">
                    Scope: {op["x-scope"] === "write" ? "Read and write" : "Read"} · permission {op["x-permission"]} ·
                    operationId {op.operationId}
                  </p>
                  {op.parameters.length > 0 ? (
                    <ul className="mt-2 space-y-0.5 text-xs">
                      {op.parameters.map((p) => (
                        <li key={`${p.in}-${p.name}`}>
                          <code className="font-medium">{p.name}</code>{" "}
                          <span className="text-slate-500">
                            ({p.in}
                            {p.required ? ", required" : ""})
                          </span>{" "}
                          {typeOf(p.schema)}
                          {p.description ? ` — ${p.description}` : ""}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {body ? (
                    <div className="mt-2">
                      <p className="text-xs font-medium text-slate-700">Body</p>
                      <SchemaView schema={body.schema} />
                      {body.example !== undefined ? (
                        <pre
                          tabIndex={0}
                          aria-label={`Example body of ${op.operationId}`}
                          className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs"
                        >
                          {JSON.stringify(body.example)}
                        </pre>
                      ) : null}
                    </div>
                  ) : null}
                  <p className="mt-2 text-xs text-slate-600">
                    Answers:{" "}
                    {Object.entries(op.responses)
                      .map(([status, r]) => `${status} ${r.description}`)
                      .join(" · ")}
                  </p>
                </article>
              );
            })}
        </section>
      ))}
    </div>
  );
}
