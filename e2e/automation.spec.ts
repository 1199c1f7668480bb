import { expect, test } from "@playwright/test";
import { signUpViaApi } from "./support";

test("a token made on the Account page works from a script, is revoked in one click, and both show in the audit log", async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  await signUpViaApi(page.request);
  await page.goto("/account");
  const tokens = page.getByRole("region", { name: "API tokens" });
  await tokens.getByLabel("Token name").fill("nightly");
  await tokens.getByRole("combobox", { name: "Scope" }).click();
  await page.getByRole("option", { name: /Read and write/ }).click();
  await tokens.getByRole("button", { name: "Create token" }).click();
  const secret = (await tokens.getByLabel("The new token nightly").textContent())!.trim();
  expect(secret).toMatch(/^cp_[A-Za-z0-9_-]{43}$/);
  await expect(tokens.getByRole("row", { name: /nightly/ })).toContainText("Read and write");

  // A script: no cookies, only the token.
  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const created = await script.post("/api/v1/environments", { data: { name: `auto-${Date.now().toString(36)}`, region: "eu-central" }, headers: { "idempotency-key": "e2e-automation-1" } });
  expect(created.status()).toBe(201);
  const environment = await created.json();
  const replay = await script.post("/api/v1/environments", { data: { name: environment.name, region: "eu-central" }, headers: { "idempotency-key": "e2e-automation-1" } });
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  await expect.poll(async () => (await (await script.get(`/api/v1/environments/${environment.name}/status`)).json()).status, { timeout: 30_000 }).toBe("running");
  expect((await script.get(`/api/v1/environments/${environment.name}/kubeconfig`)).headers()["content-type"]).toContain("application/yaml");

  await page.reload();
  await expect(tokens.getByRole("row", { name: /nightly/ })).toContainText(/Last used|from/);
  await tokens.getByRole("button", { name: "Revoke nightly" }).click();
  await expect(tokens.getByRole("row", { name: /nightly/ })).toContainText("Revoked");
  const refused = await script.get("/api/v1/environments");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect((await refused.json()).detail).toMatch(/^This API token \(nightly\) was revoked on/);

  // The audit log: the token, the install and the kubeconfig, by the token; the revocation, in the browser.
  await page.goto("/account/audit");
  const log = page.getByRole("table", { name: /Audit log events/ });
  await expect(log.getByRole("row", { name: /Created an API token/ })).toContainText("nightly");
  await expect(log.getByRole("row", { name: /Installed a cluster/ })).toContainText("API token nightly");
  await expect(log.getByRole("row", { name: /Downloaded a kubeconfig/ })).toContainText(environment.name);
  await expect(log.getByRole("row", { name: /Revoked an API token/ })).toContainText("Browser");
  await page.getByRole("combobox", { name: "Action" }).click();
  await page.getByRole("option", { name: "Clusters" }).click();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=environment\./);
  await expect(log.getByRole("row", { name: /Created an API token|Revoked an API token/ })).toHaveCount(0);
  await expect(log.getByRole("row", { name: /Installed a cluster/ })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let out = "";
    csv.on("data", (d: Buffer) => (out += d.toString()));
    csv.on("end", () => resolve(out));
  });
  expect(text.split("\r\n")[0]).toBe("time,action,outcome,target,via,ip,user_agent,details");
  expect(text).toContain(`environment.install,success,${environment.name},token:nightly`);
  expect(text).not.toContain("token.create");
  await script.dispose();
});
