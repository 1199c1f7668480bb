import { expect, test, type Page } from "@playwright/test";
import { installViaApi, signUpViaApi, uniqueEmail } from "./support";

/** The e2e server trusts one proxy (TRUSTED_PROXY_HOPS=1), so X-Forwarded-For stands for the client's network. */
async function signInFrom(baseURL: string, network: string, email: string, password: string): Promise<Response> {
  return fetch(`${baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL, "x-forwarded-for": network },
    body: JSON.stringify({ email, password }),
  });
}

test("40 wrong passwords at once: only the free ones are checked, and the owner elsewhere is not locked out", async ({
  request,
}) => {
  const baseURL = test.info().project.use.baseURL!;
  const account = await signUpViaApi(request, uniqueEmail("victim"));

  // SIGN_IN_FREE_FAILURES=3 on the e2e server; the rest wait SIGN_IN_FIRST_DELAY_SECONDS=60.
  const attack = await Promise.all(
    Array.from({ length: 40 }, (_, i) => signInFrom(baseURL, "198.51.100.20", account.email, `wrong-${i}`)),
  );
  const statuses = attack.map((r) => r.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(3);
  expect(statuses.filter((s) => s === 429)).toHaveLength(37);
  const refused = attack.find((r) => r.status === 429)!;
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(50);
  expect((await refused.json()).message).toMatch(
    /^Too many failed sign-ins from your network\. Wait \d+ seconds before trying again\.$/,
  );

  // The attacker's network waits even with the right password (it is not checked); the owner does not.
  expect((await signInFrom(baseURL, "198.51.100.20", account.email, account.password)).status).toBe(429);
  expect((await signInFrom(baseURL, "203.0.113.5", account.email, account.password)).status).toBe(200);

  // An address that has no account gets exactly the same treatment, so the answers reveal nothing.
  const ghostEmail = uniqueEmail("ghost");
  const unknown = await Promise.all(
    Array.from({ length: 10 }, () => signInFrom(baseURL, "198.51.100.22", ghostEmail, "wrong-password")),
  );
  expect(unknown.map((r) => r.status).sort()).toEqual([401, 401, 401, ...Array<number>(7).fill(429)]);
});

test("after signing in, a hostile ?next= never leaves the site", async ({ page, request }) => {
  const account = await signUpViaApi(request, uniqueEmail("redirect"));
  for (const next of ["/%09/evil.example/", "/%0a/evil.example/", "//evil.example/", "/\\evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("E-mail").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Marketplace" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(test.info().project.use.baseURL!).origin);
  }
  // A repeated next is no error either.
  expect((await page.goto("/sign-up?next=/account&next=//evil.example"))?.status()).toBe(200);
});

test("profile updates follow the sign-up rules on the server", async ({ request }) => {
  await signUpViaApi(request, uniqueEmail("profile"));
  // better-auth wants an Origin on cookie-authenticated calls (see the README's script example).
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const update = (data: unknown) => request.post("/api/auth/update-user", { data, headers: { origin } });
  for (const [body, message] of [
    [{ name: 42 }, "name: Enter your name."],
    [{ name: "   " }, "name: Enter your name."],
    [{ name: "x".repeat(1_000_000) }, "name: Use at most 80 characters."],
    [
      { name: "Eve\u202Egnp.exe" },
      "name: Use visible characters only: line breaks, tabs, control characters and text-direction overrides are not allowed.",
    ],
    [{ image: "javascript:alert(1)" }, "image: The picture must be an https:// URL."],
    [{ image: { src: "x" } }, "image: The picture must be an https:// URL."],
    [{ plan: "business" }, "Unexpected field: plan."],
  ] as const) {
    const response = await update(body);
    expect(response.status(), JSON.stringify(body).slice(0, 60)).toBe(400);
    expect((await response.json()).message).toBe(message);
  }
  expect((await update({ name: "  Ada Lovelace  ", image: "https://example.com/ada.png" })).status()).toBe(200);
  const session = await (await request.get("/api/auth/get-session")).json();
  expect(session.user).toMatchObject({ name: "Ada Lovelace", image: "https://example.com/ada.png", plan: "developer" });
});

test("the README's way for scripts to sign in works, and the refusal it warns about is explained", async () => {
  const baseURL = test.info().project.use.baseURL!;
  const email = uniqueEmail("script");
  const signUp = await fetch(`${baseURL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL },
    body: JSON.stringify({ name: "Script", email, password: "correct-horse-1" }),
  });
  expect(signUp.status).toBe(200);
  // As in the README: Origin set, the cookie kept, then the API called with it.
  const signIn = await fetch(`${baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL },
    body: JSON.stringify({ email, password: "correct-horse-1" }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const list = await fetch(`${baseURL}/api/v1/environments`, { headers: { cookie } });
  expect(list.status).toBe(200);
  expect(await list.json()).toEqual({ items: [], nextCursor: null });
  // Sent again with the cookie but without Origin, better-auth refuses it, which is why the README sets it.
  const noOrigin = await fetch(`${baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ email, password: "correct-horse-1" }),
  });
  expect(noOrigin.status).toBe(403);
});

test("an idempotency key reused for another request is refused with 422", async ({ request }) => {
  await signUpViaApi(request, uniqueEmail("idem"));
  const key = `key-${Date.now()}`;
  const name = `idem-${Date.now().toString(36)}`;
  const first = await request.post("/api/v1/environments", {
    headers: { "Idempotency-Key": key },
    data: { name, region: "eu-central" },
  });
  expect(first.status()).toBe(201);
  const other = await request.post("/api/v1/environments", {
    headers: { "Idempotency-Key": key },
    data: { name: `${name}-2`, region: "eu-central" },
  });
  expect(other.status()).toBe(422);
  expect(await other.json()).toMatchObject({
    code: "idempotency_key_reused",
    detail: "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
  });
  expect((await request.get(`/api/v1/environments/${name}-2`)).status()).toBe(404);
});

const pages = [
  "/sign-in",
  "/sign-up",
  "/marketplace",
  "/marketplace/kubernetes-cluster/install",
  "/environments",
  "/account",
  "/no-such-page",
];

async function collectCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

test("every response carries the security headers, and no page breaks its Content-Security-Policy", async ({
  page,
  request,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations: string[] = [];
  let current = "";
  page.on("console", (m) => {
    if (m.type() === "error" && /Content[- ]Security[- ]Policy/i.test(m.text()))
      violations.push(`${current}: ${m.text()}`);
  });
  await signUpViaApi(page.request, uniqueEmail("csp"));
  const name = `csp-${Date.now().toString(36)}`;
  expect((await installViaApi(page.request, { name, region: "eu-central" })).status()).toBe(201);

  const nonces = new Set<string>();
  for (const path of [...pages, `/environments/${name}`]) {
    current = path;
    const response = await page.goto(path);
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    nonces.add(/nonce-([^']+)/.exec(csp)![1]!);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // Served over http here: no HSTS, no Secure cookies (both appear when APP_URL is https).
    expect(headers["strict-transport-security"], path).toBeUndefined();
    await page.waitForLoadState("networkidle");
    violations.push(...(await collectCspViolations(page)).map((v) => `${path}: ${v}`));
  }
  // Open a dialog too: Radix injects styles when one opens.
  current = "install dialog";
  await page.goto("/marketplace/kubernetes-cluster/install");
  await expect(page.getByRole("dialog", { name: "Install Kubernetes Cluster" })).toBeVisible();
  await page.keyboard.press("Escape");
  expect(nonces.size).toBe(pages.length + 1);
  violations.push(...(await collectCspViolations(page)).map((v) => `install dialog: ${v}`));
  expect(violations).toEqual([]);

  const api = await request.get("/api/v1/environments");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  const cookie = (
    await request.post("/api/auth/sign-up/email", {
      data: { name: "C", email: uniqueEmail("cookie"), password: "correct-horse-1" },
    })
  )
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie")!.value;
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).not.toMatch(/;\s*Secure/i);
});

test("malformed percent-encoding is a 400 in the API and the not-found page elsewhere", async ({ page }) => {
  await signUpViaApi(page.request, uniqueEmail("encoding"));
  for (const path of ["/api/v1/environments/%ff", "/api/v1/environments/%E0%A4%A/logs", "/api/v1/environments/%"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()["content-type"]).toBe("application/problem+json");
    expect((await response.json()).detail).toBe(
      "The address contains malformed percent-encoding (such as %ff); check the URL.",
    );
  }
  // A page's POST with a body gets the not-found page too (its body once was swallowed, and the answer never came).
  const posted = await page.request.post("/marketplace/%ff/install", { data: { a: 1 }, timeout: 10_000 });
  expect(posted.status()).toBe(404);
  const response = await page.goto("/environments/%ff");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Your environments" })).toBeVisible();
});

test("every API answer says Cache-Control: no-store, event streams no-transform too", async ({ page, baseURL }) => {
  await signUpViaApi(page.request, uniqueEmail("nostore"));
  const name = `nostore-${Date.now().toString(36)}`;
  const created = await installViaApi(page.request, { name, region: "eu-central" });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(created.headers()["cache-control"]).toBe("no-store");
  for (const path of [
    "/api/v1/environments",
    `/api/v1/environments/${name}`,
    `/api/v1/environments/${name}/logs`,
    `/api/v1/environments/${name}/logs/text`,
    `/api/v1/environments/${name}/kubeconfig`,
    `/api/v1/environments/${name}/credentials`,
    "/api/v1/environment-names?region=eu-central",
    "/api/auth/get-session",
    "/api/v1/openapi.json",
    `/k8s/clusters/${id}/api/v1/nodes`,
    "/api/health",
  ]) {
    expect((await page.request.get(path)).headers()["cache-control"], path).toBe("no-store");
  }
  // An event stream never ends: read its headers, then leave.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  for (const path of [`/api/environment-feed/${name}`, "/api/environment-feed"]) {
    const leave = new AbortController();
    const stream = await fetch(`${baseURL}${path}`, {
      headers: { cookie, accept: "text/event-stream" },
      signal: leave.signal,
    });
    expect(stream.headers.get("content-type"), path).toContain("text/event-stream");
    expect(stream.headers.get("cache-control"), path).toBe("no-store, no-transform");
    leave.abort();
  }
});
