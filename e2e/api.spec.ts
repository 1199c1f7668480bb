import { expect, test } from "@playwright/test";
import { signUpViaApi } from "./support";

test("the JSON API refuses anonymous callers and explains bad input field by field", async ({ playwright, page }) => {
  const baseURL = test.info().project.use.baseURL!;
  const anonymous = await playwright.request.newContext({ baseURL });
  const unauth = await anonymous.post("/api/environments", { data: { name: "anon", region: "eu-central" } });
  expect(unauth.status()).toBe(401);
  expect((await unauth.json()).error.message).toBe("Sign in to continue.");

  await signUpViaApi(page.request);
  const notJson = await page.request.post("/api/environments", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{oops"),
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.message).toBe("The request body is not valid JSON.");

  const bad = await page.request.post("/api/environments", {
    data: {
      name: "X",
      region: "us-east",
      topology: "galaxy",
      workers: 0,
      addons: { monitoring: true },
      storage: false,
    },
  });
  expect(bad.status()).toBe(400);
  const { fieldErrors } = (await bad.json()).error;
  expect(fieldErrors.name).toBe("Use at least 3 characters.");
  expect(fieldErrors.topology).toBe("Choose Development or Production (development or production).");
  expect(fieldErrors.workers).toBe("At least 1 worker is needed.");

  const inactive = await page.request.post("/api/environments", { data: { name: "closed-region", region: "us-east" } });
  expect((await inactive.json()).error.fieldErrors.region).toMatch(/Ashburn is not available/);

  const needsStorage = await page.request.post("/api/environments", {
    data: { name: "no-storage", region: "eu-central", storage: false, addons: { monitoring: true } },
  });
  expect((await needsStorage.json()).error.fieldErrors["addons.monitoring"]).toMatch(/Monitoring needs NFS storage/);

  const foreign = await page.request.post("/api/environments", {
    headers: { origin: "https://evil.example" },
    data: { name: "cross-site", region: "eu-central" },
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.message).toBe("This request came from another site and was refused.");

  const production = await page.request.post("/api/environments", {
    data: { name: "too-big", region: "eu-central", topology: "production" },
  });
  expect(production.status()).toBe(403);
  expect((await production.json()).error.message).toMatch(/Nodes per environment/);
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
    page.request.post("/api/environments", { data: { name, region: "eu-west" } }),
    other.request.post("/api/environments", { data: { name, region: "eu-west" } }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([201, 409]);
  const loser = a.status() === 409 ? a : b;
  expect((await loser.json()).error.fieldErrors.name).toBe(
    `The name "${name}" is taken in Amsterdam. Choose another name.`,
  );

  // Same name in another region is a different domain, so another account may have it.
  const elsewhere = await (a.status() === 409 ? page : { request: other.request }).request.post("/api/environments", {
    data: { name, region: "ch-west" },
  });
  expect(elsewhere.status()).toBe(201);

  const key = `key-${Date.now()}`;
  const first = await page.request.post("/api/environments", {
    headers: { "Idempotency-Key": key },
    data: { name: `${name}-k`, region: "eu-central" },
  });
  const again = await page.request.post("/api/environments", {
    headers: { "Idempotency-Key": key },
    data: { name: `${name}-k`, region: "eu-central" },
  });
  expect(first.status()).toBe(201);
  expect(again.status()).toBe(200);
  expect((await again.json()).environment.id).toBe((await first.json()).environment.id);
});

test("the environment quota holds, and nobody sees another account's environment", async ({ page, browser }) => {
  await signUpViaApi(page.request);
  const stamp = Date.now().toString(36);
  for (let i = 1; i <= 3; i += 1) {
    const res = await page.request.post("/api/environments", {
      data: { name: `q${i}-${stamp}`, region: "eu-central" },
    });
    expect(res.status()).toBe(201);
  }
  const fourth = await page.request.post("/api/environments", { data: { name: `q4-${stamp}`, region: "eu-central" } });
  expect(fourth.status()).toBe(403);
  expect((await fourth.json()).error.message).toMatch(/Environments: your plan allows 3/);

  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signUpViaApi(stranger.request);
  expect((await stranger.request.get(`/api/environments/q1-${stamp}`)).status()).toBe(404);
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(`/environments/q1-${stamp}`);
  expect(response?.status()).toBe(404);
  expect((await page.request.get(`/api/environments/q1-${stamp}`)).status()).toBe(200);
});
