/**
 * Security headers for every response. The Content-Security-Policy of a page carries a fresh nonce that
 * Next.js puts on its own scripts (it reads the policy from the request), so no other script can run:
 * 'strict-dynamic' lets those scripts load the app's chunks and nothing else. Styles allow 'unsafe-inline'
 * because React and Radix set style attributes and inject small style elements without a nonce; a style
 * cannot run code, so this trades little. API responses are data: they may load and frame nothing.
 */
export function contentSecurityPolicy(opts: { nonce: string; https: boolean; dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** Headers that do not depend on the request; HSTS only when the app is served over https. */
export function securityHeaders(opts: { https: boolean }): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    [
      "Permissions-Policy",
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()",
    ],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ...(opts.https
      ? ([["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]] as [string, string][])
      : []),
  ];
}

/** A fresh nonce per response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
