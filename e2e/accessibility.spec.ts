import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { installViaApi, signUpViaApi } from "./support";

/** WCAG 2.1 A/AA rules from axe-core; a violation fails with what and where, so it can be fixed. */
async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `${where} has accessibility violations`).toEqual([]);
}

test("every page a person goes through meets WCAG 2.1 AA as axe checks it", async ({ page }) => {
  // Twelve axe scans of full pages, the first requests of a freshly started server among them: slow on 2 cores.
  test.setTimeout(180_000);
  await page.goto("/sign-in");
  await expectAccessible(page, "Sign in");
  await page.goto("/sign-up");
  await expectAccessible(page, "Sign up");

  await signUpViaApi(page.request);
  await page.goto("/marketplace");
  await expectAccessible(page, "Marketplace");
  await page.goto("/marketplace/kubernetes-cluster/install");
  const dialog = page.getByRole("dialog", { name: "Install Kubernetes Cluster" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "Install dialog");
  await dialog.getByRole("radio", { name: "Custom" }).click();
  await dialog.getByRole("button", { name: "Install" }).click();
  await expect(dialog.getByText("Enter the chart repository URL.")).toBeVisible();
  await expectAccessible(page, "Install dialog with errors");

  const name = `a11y-${Date.now().toString(36)}`;
  await installViaApi(page.request, { name, region: "eu-central", addons: { monitoring: true } });
  await page.goto("/environments");
  await expectAccessible(page, "Environments");
  await page.goto(`/environments/${name}`);
  await expectAccessible(page, "Status page while installing");
  await expect(page.getByRole("status", { name: "Environment status" })).toHaveText("Running", { timeout: 30_000 });
  await page.getByRole("button", { name: "Reveal" }).click();
  await expectAccessible(page, "Status page, running, credentials revealed");
  await page.goto("/account");
  await page.getByLabel("Token name").fill("a11y");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText('Token "a11y" created')).toBeVisible();
  await expectAccessible(page, "Account, a token just created");
  await page.goto("/account/audit");
  await expectAccessible(page, "Audit log");
  await page.goto("/docs/api");
  await expectAccessible(page, "API reference");
});
