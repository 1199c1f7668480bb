import { afterEach, describe, expect, it, vi } from "vitest";

async function sessionCookie(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  vi.stubEnv("AUTH_SECRET", "s".repeat(40));
  vi.stubEnv("ENCRYPTION_KEY", Buffer.alloc(32, 1).toString("base64"));
  vi.stubEnv("DATABASE_URL", "postgres://clusterport@127.0.0.1:1/unused");
  const { auth } = await import("./auth");
  return (await auth().$context).authCookies.sessionToken;
}

afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { __auth?: unknown }).__auth;
});

describe("session cookie", () => {
  it("is HTTP-only and SameSite=Lax, and Secure with a __Secure- name when the app is served over https", async () => {
    const https = await sessionCookie("https://clusterport.example.com");
    expect(https.name).toMatch(/^__Secure-/);
    expect(https.attributes).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });

  it("is not Secure over plain http (a local demo), where browsers would drop it", async () => {
    const http = await sessionCookie("http://localhost:3000");
    expect(http.name).not.toMatch(/^__Secure-/);
    expect(http.attributes).toMatchObject({ secure: false, httpOnly: true });
  });
});
