import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { isMalformedPath, malformedPathProblem } from "@/lib/http/malformed-path";
import {
  apiContentSecurityPolicy,
  contentSecurityPolicy,
  createNonce,
  securityHeaders,
} from "@/lib/http/security-headers";

const protectedPrefixes = ["/marketplace", "/environments", "/account"];

/**
 * Runs before every request but static assets:
 * - a path with malformed percent-encoding (`/environments/%ff`) never reaches a route that would try to
 *   decode it: the API answers 400, a page the not-found page;
 * - a protected page without a session cookie goes to sign-in and comes back afterwards (optimistic; pages
 *   still verify the session themselves with requireUser);
 * - every response gets the security headers, and a page a Content-Security-Policy with a fresh nonce;
 * - every API answer gets Cache-Control: no-store.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = (process.env.APP_URL ?? "").startsWith("https://");
  // The clusters' Kubernetes APIs (/k8s/…) answer JSON like the app's own API.
  const isApi = pathname.startsWith("/api/") || pathname.startsWith("/k8s/");

  if (isMalformedPath(pathname)) {
    if (isApi)
      return noStore(
        withHeaders(
          NextResponse.json(malformedPathProblem(new URL(process.env.APP_URL ?? request.url).origin), {
            status: 400,
            headers: { "content-type": "application/problem+json" },
          }),
          https,
          apiContentSecurityPolicy,
        ),
        request,
      );
    return page(request, https, "/__not-found");
  }

  if (
    !isApi &&
    protectedPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`)) &&
    !getSessionCookie(request)
  ) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return withHeaders(NextResponse.redirect(url), https, apiContentSecurityPolicy);
  }

  if (isApi) return noStore(withHeaders(NextResponse.next(), https, apiContentSecurityPolicy), request);
  return page(request, https);
}

/** The routes that answer Server-Sent Events (app/api/environment-feed and, per environment, beneath it). */
const eventStreams = /^\/api\/environment-feed(\/[^/]+)?\/?$/;

/**
 * Every answer of the APIs — API v1, sign-in, event streams, the clusters' Kubernetes
 * API, kubeconfig and log downloads — is one account's data: no browser, proxy or CDN may keep a copy. Set
 * here, once; a header set by the proxy wins over the route's own (Next.js keeps the first). An event stream
 * also says no-transform, so no compression buffers its events.
 */
function noStore(response: NextResponse, request: NextRequest): NextResponse {
  const stream =
    eventStreams.test(request.nextUrl.pathname) ||
    (request.headers.get("accept")?.includes("text/event-stream") ?? false);
  response.headers.set("Cache-Control", stream ? "no-store, no-transform" : "no-store");
  return response;
}

/** Renders the page (or, rewritten, another one) with a nonce-based policy Next.js applies to its scripts. */
function page(request: NextRequest, https: boolean, rewriteTo?: string) {
  const csp = contentSecurityPolicy({ nonce: createNonce(), https, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const init = { request: { headers } };
  const response = rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, request.url), init) : NextResponse.next(init);
  return withHeaders(response, https, csp);
}

function withHeaders(response: NextResponse, https: boolean, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of securityHeaders({ https })) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
