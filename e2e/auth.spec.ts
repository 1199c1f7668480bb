import { expect, test } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./support";

test("a person signs up, lands in the Marketplace and signs out", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Marketplace" })).toBeVisible();
  await expect(page.getByText("Developer plan")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/environments");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fenvironments/);
});

test("a protected page sends a signed-out person to sign in and back", async ({ page, browser }) => {
  const account = await signUpViaApi((await browser.newContext({ baseURL: test.info().project.use.baseURL })).request);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();
});

test("a wrong password gets a generic error; repeated failures make the next attempt wait", async ({
  page,
  browser,
}) => {
  const account = await signUpViaApi((await browser.newContext({ baseURL: test.info().project.use.baseURL })).request);
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(account.email);
  // The e2e server allows 3 failures (SIGN_IN_FREE_FAILURES=3), then a wait of 60 s (SIGN_IN_FIRST_DELAY_SECONDS).
  for (let i = 0; i < 3; i += 1) {
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  }
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByText(/^Too many failed sign-ins from your network\. Wait \d+ seconds before trying again\.$/),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
