import { KubeError, notFound } from "../kube-status";
import { openApiV3Document, openApiV3Index } from "./openapi-v3";

/**
 * The answer to `GET <cluster>/openapi/<rest>` (after authentication), headers included:
 * - `/openapi/v3`: the index, not to be stored (kubectl reads it first on every run, to learn the hashes);
 * - `/openapi/v3/<group version>`: its document, as JSON only (406 for a client that takes nothing else), with
 *   the hash the index names as its ETag. The real server lets it be kept for a year (`public, immutable`);
 *   here, as every authenticated answer, it is not to be stored (proxy.ts would override anything else), and
 *   kubectl downloads it again when it needs it;
 * - `/openapi/v2`, which kubectl still reads (as protobuf only) to validate on the client a kind whose v3 document
 *   has no patch operation — a read-only kind — and each item of a `kind: List` file: an empty document. kubectl
 *   then finds no schema to check against and leaves it to the server, which it asks with `fieldValidation=Strict`;
 *   a 404 or 406 would fail those commands with "error validating data: failed to download openapi".
 */
export function openApi(rest: readonly string[], query: URLSearchParams, accept: string): Response {
  const [version, ...groupVersion] = rest;
  if (version === "v3" && groupVersion.length === 0)
    return respond(200, JSON.stringify(openApiV3Index()), { "cache-control": "no-store" });
  if (version === "v3") {
    const served = openApiV3Document(groupVersion.join("/"));
    if (!served)
      return failure(
        notFound(
          `the server could not find the requested resource (openapi/v3/${groupVersion.join("/").slice(0, 80)})`,
        ),
      );
    if (!acceptsJson(accept))
      return failure(new KubeError(406, "NotAcceptable", "only application/json is served here"));
    return respond(200, served.json, { etag: `"${served.hash}"`, vary: "Accept", "cache-control": "no-store" });
  }
  if (version === "v2" && groupVersion.length === 0) {
    if (!accept.includes(openApiV2Protobuf))
      return failure(
        new KubeError(406, "NotAcceptable", "only the OpenAPI v3 documents are served here, under /openapi/v3"),
      );
    return new Response(new Uint8Array(0), {
      status: 200,
      headers: { "content-type": `application/${openApiV2Protobuf}.v1.0+protobuf`, "cache-control": "no-store" },
    });
  }
  return failure(notFound(`the server could not find the requested resource (openapi/${rest.join("/").slice(0, 80)})`));
}

/** kubectl asks for `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`; the server may answer with `.v1.0`. */
const openApiV2Protobuf = "com.github.proto-openapi.spec.v2";

function acceptsJson(accept: string): boolean {
  if (accept.trim() === "") return true;
  return accept
    .split(",")
    .some((clause) =>
      ["application/json", "application/*", "*/*"].includes(clause.split(";")[0]!.trim().toLowerCase()),
    );
}

function respond(status: number, body: string, headers: Record<string, string>): Response {
  return new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
}

const failure = (e: KubeError) => respond(e.code, JSON.stringify(e.toStatus()), { "cache-control": "no-store" });
