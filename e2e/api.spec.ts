import { expect, test } from "@playwright/test";
import { fieldErrorsOf, installViaApi, signUpViaApi } from "./support";

test("API v1 refuses anonymous callers and explains bad input field by field", async ({ playwright, page }) => {
  const baseURL = test.info().project.use.baseURL!;
  const anonymous = await playwright.request.newContext({ baseURL });
  const unauth = await installViaApi(anonymous, { name: "anon", region: "eu-central" });
  expect(unauth.status()).toBe(401);
  expect((await unauth.json()).detail).toMatch(/or sign in\.$/);

  await signUpViaApi(page.request);
  const notJson = await page.request.post("/api/v1/environments", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{oops"),
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).detail).toMatch(/^The request body is not valid JSON/);

  const bad = await installViaApi(page.request, {
    name: "X",
    region: "us-east",
    topology: "galaxy",
    workers: 0,
    addons: { monitoring: true },
    storage: false,
  });
  expect(bad.status()).toBe(400);
  const fieldErrors = fieldErrorsOf(await bad.json());
  expect(fieldErrors.name).toBe("Use at least 3 characters.");
  expect(fieldErrors.topology).toBe("Choose Development or Production (development or production).");
  expect(fieldErrors.workers).toBe("At least 1 worker is needed.");

  const inactive = await installViaApi(page.request, { name: "closed-region", region: "us-east" });
  expect(fieldErrorsOf(await inactive.json()).region).toMatch(/Ashburn is not available/);

  const needsStorage = await installViaApi(page.request, {
    name: "no-storage",
    region: "eu-central",
    storage: false,
    addons: { monitoring: true },
  });
  expect(fieldErrorsOf(await needsStorage.json())["addons.monitoring"]).toMatch(/Monitoring needs NFS storage/);

  const foreign = await page.request.post("/api/v1/environments", {
    headers: { origin: "https://evil.example" },
    data: { name: "cross-site", region: "eu-central" },
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).detail).toBe("This request came from another site and was refused.");

  const production = await installViaApi(page.request, {
    name: "too-big",
    region: "eu-central",
    topology: "production",
  });
  expect(production.status()).toBe(403);
  expect((await production.json()).detail).toMatch(/Nodes per environment/);
});

test("two concurrent submits for one name: exactly one wins; a repeated key returns the same environment", async ({
  page,
  browser,
}) => {
  await signUpViaApi(page.request);
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signUpViaApi(other.request);
  const name = `race-${Date.now().toString(36)}`;

  const [a, b] = await Promise.all([
    installViaApi(page.request, { name, region: "eu-west" }),
    installViaApi(other.request, { name, region: "eu-west" }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([201, 409]);
  const loser = a.status() === 409 ? a : b;
  expect(fieldErrorsOf(await loser.json()).name).toBe(`The name "${name}" is taken in Amsterdam. Choose another name.`);

  // Same name in another region is a different domain, so another account may have it.
  const elsewhere = await installViaApi(a.status() === 409 ? page.request : other.request, { name, region: "ch-west" });
  expect(elsewhere.status()).toBe(201);

  const key = `key-${Date.now()}`;
  const first = await page.request.post("/api/v1/environments", {
    headers: { "Idempotency-Key": key },
    data: { name: `${name}-k`, region: "eu-central" },
  });
  const again = await page.request.post("/api/v1/environments", {
    headers: { "Idempotency-Key": key },
    data: { name: `${name}-k`, region: "eu-central" },
  });
  expect(first.status()).toBe(201);
  expect(again.status()).toBe(201);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect((await again.json()).id).toBe((await first.json()).id);
});

test("the environment quota holds, and nobody sees another account's environment", async ({ page, browser }) => {
  await signUpViaApi(page.request);
  const stamp = Date.now().toString(36);
  for (let i = 1; i <= 3; i += 1) {
    const res = await installViaApi(page.request, { name: `q${i}-${stamp}`, region: "eu-central" });
    expect(res.status()).toBe(201);
  }
  const fourth = await installViaApi(page.request, { name: `q4-${stamp}`, region: "eu-central" });
  expect(fourth.status()).toBe(403);
  expect((await fourth.json()).detail).toMatch(/Environments: your plan allows 3/);

  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signUpViaApi(stranger.request);
  expect((await stranger.request.get(`/api/v1/environments/q1-${stamp}`)).status()).toBe(404);
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(`/environments/q1-${stamp}`);
  expect(response?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/environments/q1-${stamp}`)).status()).toBe(200);
});
