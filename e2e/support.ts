import { expect, type APIRequestContext, type Page } from "@playwright/test";

let counter = 0;

/** A unique e-mail per call, so journeys never share accounts. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
}

export const demo = { email: "demo@clusterport.dev", password: "clusterport-demo" };

/** Creates an account through better-auth's endpoint; the session cookie lands in the page's context. */
export async function signUpViaApi(request: APIRequestContext, email = uniqueEmail(), password = "correct-horse-1") {
  const res = await request.post("/api/auth/sign-up/email", { data: { name: "Test User", email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { email, password };
}

export async function signInViaApi(request: APIRequestContext, email: string, password: string) {
  const res = await request.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
}

export async function openInstallDialog(page: Page) {
  await page.goto("/marketplace");
  await page.getByRole("button", { name: "Clusters" }).click();
  await page.getByRole("link", { name: "Install Kubernetes Cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Install Kubernetes Cluster" });
  await expect(dialog).toBeVisible();
  return dialog;
}
