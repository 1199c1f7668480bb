import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { isMalformedPath, malformedPathError } from "@/lib/http/malformed-path";
import { apiContentSecurityPolicy, contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/http/security-headers";

const protectedPrefixes = ["/marketplace", "/environments", "/account"];

/**
 * Runs before every request but static assets:
 * - a path with malformed percent-encoding (`/environments/%ff`) never reaches a route that would try to
 *   decode it: the API answers 400, a page the not-found page;
 * - a protected page without a session cookie goes to sign-in and comes back afterwards (optimistic; pages
 *   still verify the session themselves with requireUser);
 * - every response gets the security headers, and a page a Content-Security-Policy with a fresh nonce.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = (process.env.APP_URL ?? "").startsWith("https://");
  // The clusters' Kubernetes APIs (/k8s/…) answer JSON like the app's own API.
  const isApi = pathname.startsWith("/api/") || pathname.startsWith("/k8s/");

  if (isMalformedPath(pathname)) {
    if (isApi) return withHeaders(NextResponse.json(malformedPathError, { status: 400 }), https, apiContentSecurityPolicy);
    return page(request, https, "/__not-found");
  }

  if (!isApi && protectedPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`)) && !getSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return withHeaders(NextResponse.redirect(url), https, apiContentSecurityPolicy);
  }

  if (isApi) return withHeaders(NextResponse.next(), https, apiContentSecurityPolicy);
  return page(request, https);
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
