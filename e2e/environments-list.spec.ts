import { expect, test } from "@playwright/test";
import { installViaApi, signUpViaApi } from "./support";

test("the Environments list follows an install live, with its progress, until Running", async ({ page }) => {
  await signUpViaApi(page.request);
  const name = `lst-${Date.now().toString(36)}`;
  await installViaApi(page.request, { name, region: "eu-central", displayName: "Live list" });
  await page.goto("/environments");
  const row = page.getByRole("row", { name: /Live list/ });
  await expect(row).toBeVisible();
  // While it installs the row carries a progress bar; it ends Running without a reload.
  await expect(row.getByRole("progressbar", { name: /Installing Live list: \d+%/ })).toBeVisible();
  await expect(row.getByText("Running", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByRole("progressbar")).toHaveCount(0);
  await expect(row.getByRole("cell").last()).toHaveText(/^\$\d+\.\d\d$/);

  // Deleted, it costs nothing and has no nodes: the row stops showing the plan's price.
  expect((await page.request.delete(`/api/v1/environments/${name}`)).status()).toBe(202);
  await expect(row.getByText("Deleted", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByRole("cell").last()).toHaveText("—nothing");
  await expect(row).not.toContainText("$");
});
