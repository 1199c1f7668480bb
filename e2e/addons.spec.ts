import { expect, test } from "@playwright/test";
import { signUpViaApi } from "./support";

test("add-ons are activated later on a running cluster, and its page shows them", async ({ page }) => {
  test.setTimeout(60_000);
  await signUpViaApi(page.request);
  const name = `day2-${Date.now().toString(36)}`;
  expect((await page.request.post("/api/environments", { data: { name, region: "eu-central" } })).status()).toBe(201);
  await page.goto(`/environments/${name}`);
  const status = page.getByRole("status", { name: "Environment status" });
  await expect(status).toHaveText("Running", { timeout: 30_000 });
  await expect(page.getByRole("table", { name: /health/i }).getByRole("row", { name: /Monitoring/ })).toContainText("Not enabled");

  await page.getByRole("button", { name: "Add-ons" }).click();
  const dialog = page.getByRole("dialog", { name: "Activate add-ons" });
  await expect(dialog.getByRole("button", { name: "Activate" })).toBeDisabled();
  await dialog.getByRole("checkbox", { name: "Monitoring" }).click();
  await dialog.getByRole("button", { name: "Activate" }).click();
  await expect(dialog).toBeHidden();

  await expect(status).toHaveText("Updating");
  await expect(status).toHaveText("Running", { timeout: 30_000 });
  await expect(page.getByRole("table", { name: /health/i }).getByRole("row", { name: /Monitoring/ })).toContainText("OK");
  await expect(page.getByText(`https://${name}.fra.clusterport.cloud/grafana/`).first()).toBeVisible();

  // Asking again for what it has, or for what it cannot have, is refused in words.
  const again = await page.request.post(`/api/environments/${name}/addons`, { data: { monitoring: true } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toBe("Choose at least one add-on that this cluster does not have yet.");

  const bare = `bare-${Date.now().toString(36)}`;
  await page.request.post("/api/environments", { data: { name: bare, region: "eu-central", storage: false } });
  await expect
    .poll(async () => (await (await page.request.get(`/api/environments/${bare}`)).json()).environment.status, { timeout: 30_000 })
    .toBe("running");
  const refused = await page.request.post(`/api/environments/${bare}/addons`, { data: { tracing: true } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toBe("Tracing needs NFS storage, which this cluster does not have.");
  const typo = await page.request.post(`/api/environments/${bare}/addons`, { data: { grafana: true } });
  expect(typo.status()).toBe(400);
});

test("a plan recomputed for add-ons counts the account's other environments, as at install", async ({ page }) => {
  await signUpViaApi(page.request);
  const stamp = Date.now().toString(36);
  for (const name of [`first-${stamp}`, `second-${stamp}`]) {
    expect((await page.request.post("/api/environments", { data: { name, region: "eu-central" } })).status()).toBe(201);
  }
  const name = `second-${stamp}`;
  const environment = async () => (await (await page.request.get(`/api/environments/${name}`)).json()).environment;
  await expect.poll(async () => (await environment()).status, { timeout: 30_000 }).toBe("running");
  const quotaMessage = async () =>
    (await environment()).plan.quota.verdicts.find((v: { quota: string }) => v.quota === "maxEnvironments").message as string;
  const atInstall = await quotaMessage();
  expect(atInstall).toBe("Environments: 1 of 3 in use; this one makes 2.");

  expect((await page.request.post(`/api/environments/${name}/addons`, { data: { remoteApi: true } })).status()).toBe(202);
  await expect.poll(async () => (await environment()).status, { timeout: 30_000 }).toBe("running");
  expect(await quotaMessage()).toBe(atInstall);
});
