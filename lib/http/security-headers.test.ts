import { describe, expect, it } from "vitest";
import { apiContentSecurityPolicy, contentSecurityPolicy, createNonce, securityHeaders } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows only nonce-bearing scripts, no framing, no plugins, and no eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "abc", https: true, dev: false })).toContain("upgrade-insecure-requests");
  });

  it("lets API responses load and frame nothing", () => {
    expect(apiContentSecurityPolicy).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("securityHeaders", () => {
  it("sends HSTS only over https", () => {
    const names = (https: boolean) => securityHeaders({ https }).map(([n]) => n);
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(Object.fromEntries(securityHeaders({ https: false }))).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });
});

describe("createNonce", () => {
  it("is fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
