import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { installViaApi, signUpViaApi } from "./support";

// The e2e server runs the engine at ENGINE_TIME_SCALE 0.02: an install takes seconds, so every journey watches
// the page change live (no reload) through each state it cares about.

const installTimeout = { timeout: 30_000 };

async function createEnvironment(page: Page, data: Record<string, unknown> & { name: string }) {
  const response = await installViaApi(page.request, { region: "eu-central", ...data });
  expect(response.status(), await response.text()).toBe(201);
}

/** The header's status badge (a live region named "Environment status"). */
const environmentStatus = (page: Page) => page.getByRole("status", { name: "Environment status" });

const stamp = () => Date.now().toString(36);

test("a development install reaches Running live; health, endpoints, credentials, kubeconfig and logs", async ({
  browser,
}) => {
  test.setTimeout(45_000);
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  await signUpViaApi(page.request);
  const name = `live-${stamp()}`;
  await createEnvironment(page, { name, displayName: "Live demo", addons: { monitoring: true } });

  await page.goto(`/environments/${name}`);
  await expect(page.getByRole("heading", { level: 1, name: "Live demo" })).toBeVisible();
  // .first(): the page may also show the domain in its plan summary.
  await expect(page.getByText(`${name}.fra.clusterport.cloud`, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible();
  await expect(environmentStatus(page)).toHaveText(/^(Queued|Installing)$/);
  await expect(page.getByRole("button", { name: "Cancel install" })).toBeVisible();
  for (const heading of ["Progress", "Nodes", "Logs", "Activity"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }

  // Live: the badge turns Running without a reload, and the running-only sections appear.
  await expect(environmentStatus(page)).toHaveText("Running", installTimeout);
  await expect(page.getByRole("progressbar", { name: "Install progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByRole("button", { name: "Cancel install" })).toHaveCount(0);
  const open = page.getByRole("link", { name: /Open in browser/ });
  await expect(open).toHaveAttribute("href", `https://${name}.fra.clusterport.cloud/`);
  await expect(open).toHaveAttribute("target", "_blank");

  const health = page.getByRole("region", { name: "Health" });
  const report = health.getByRole("table", { name: "Cluster health check report" });
  await expect(report.getByRole("row").filter({ hasText: "OK" }).first()).toBeVisible();
  await expect(report.getByText("FAIL", { exact: true })).toHaveCount(0);

  const endpoints = page.getByRole("region", { name: "Endpoints" });
  await expect(
    endpoints.getByRole("link", { name: new RegExp(`^https://${name}\\.fra\\.clusterport\\.cloud/ \\(Cluster`) }),
  ).toBeVisible();
  await expect(endpoints.getByText("Grafana", { exact: true })).toBeVisible();

  // Credentials: hidden until revealed, then each value copies with a visible confirmation.
  const credentials = page.getByRole("region", { name: "Credentials" });
  const reveal = credentials.getByRole("button", { name: "Reveal" });
  await expect(reveal).toHaveAttribute("aria-pressed", "false");
  await expect(credentials.getByRole("button", { name: "Copy admin token" })).toHaveCount(0);
  await reveal.click();
  await expect(reveal).toHaveAttribute("aria-pressed", "true");
  await expect(credentials.getByRole("button", { name: "Copy Grafana password" })).toBeVisible();
  await credentials.getByRole("button", { name: "Copy admin token" }).click();
  await expect(credentials.getByText("Copied", { exact: true })).toBeVisible();
  const stored = (await (await page.request.get(`/api/v1/environments/${name}/credentials`)).json()) as {
    items: { name: string; value: string }[];
  };
  const token = stored.items.find((c) => c.name === "admin-token")?.value;
  expect(token).toBeTruthy();
  await expect(credentials.getByText(token!, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const downloading = page.waitForEvent("download");
  await credentials.getByRole("link", { name: "Download kubeconfig" }).click();
  const download = await downloading;
  const yaml = fs.readFileSync(await download.path(), "utf8");
  // kubectl's form of the app's own address: https on the same host and port (docs/kubernetes-api.md).
  expect(yaml).toMatch(
    new RegExp(`server: ${test.info().project.use.baseURL!.replace(/^http:/, "https:")}/k8s/clusters/[0-9a-f-]{36}\n`),
  );

  // Logs: every line of the environment, filterable by node, downloadable.
  const logs = page.getByRole("region", { name: "Logs" });
  await expect(logs.getByRole("link", { name: "Download logs" })).toHaveAttribute(
    "href",
    `/api/v1/environments/${name}/logs/text`,
  );
  const lines = logs.getByRole("log", { name: "Log lines" }).getByRole("listitem");
  await expect(lines.first()).toBeVisible();
  await logs.getByLabel("Node", { exact: true }).selectOption("k8sm-1");
  await expect(lines.first()).toContainText("[k8sm-1]");
  for (const text of await lines.allTextContents()) expect(text).toContain("[k8sm-1]");
  await logs.getByLabel("Step", { exact: true }).selectOption({ label: "Check the cluster's health" });
  await expect(logs.getByText("No lines match these filters.")).toBeVisible();
  await logs.getByLabel("Node", { exact: true }).selectOption("");
  await expect(lines.first()).toBeVisible();

  await expect(page.getByRole("region", { name: "Activity" }).getByRole("row", { name: /Install/ })).toContainText(
    "Succeeded",
  );
  await context.close();
});

test("a production install with transient faults shows its retries and still reaches Running", async ({ page }) => {
  await signUpViaApi(page.request);
  await page.goto("/account");
  await page.getByRole("radio", { name: "Business" }).click();
  await page.getByRole("button", { name: "Change plan" }).click();
  await expect(page.getByText("Your plan is now Business.")).toBeVisible();
  // A fixed name: fault randomness is seeded by it. With this one, init-main-cplane and setup-overlay fail once
  // and install-components twice (transient), every step succeeds within its 4 attempts.
  const name = "prod-retries";
  await createEnvironment(page, { name, topology: "production", faults: { transientFailureRate: 0.3 } });

  await page.goto(`/environments/${name}`);
  await expect(environmentStatus(page)).toHaveText("Running", installTimeout);
  const progress = page.getByRole("region", { name: "Progress" });
  await expect(progress.getByText("attempt 2 of 4").first()).toBeVisible();
  await expect(progress.getByText("attempt 3 of 4").first()).toBeVisible();
  await expect(progress.getByText("Finished in", { exact: false })).toBeVisible();

  // Per-node fan-out is folded under its stage: one row per step name, opened on demand.
  const prepare = progress.getByRole("button", { name: /^Prepare instance/ });
  await expect(prepare).toHaveAttribute("aria-expanded", "false");
  await prepare.click();
  await expect(prepare).toHaveAttribute("aria-expanded", "true");
  const perNode = progress.getByRole("list", { name: "Prepare instance, per node" });
  await expect(perNode.getByRole("listitem")).toHaveCount(5);
  await expect(perNode.getByText("Prepare instance · k8sm-3", { exact: true })).toBeVisible();

  const nodes = page.getByRole("region", { name: "Nodes" });
  await expect(nodes.getByRole("table").getByRole("row")).toHaveCount(11);
  await expect(nodes.getByRole("row", { name: /k8sm-1\./ })).toContainText("Yes");
  await expect(nodes.getByRole("figure")).toBeVisible();

  await expect(page.getByRole("region", { name: "Health" }).getByText("FAIL", { exact: true })).toHaveCount(0);
});

test("a failed install names the failing step and who can fix it; Retry takes it to Running", async ({ page }) => {
  await signUpViaApi(page.request);
  const name = `fail-${stamp()}`;
  await createEnvironment(page, { name, faults: { named: ["worker-never-joins"] } });

  await page.goto(`/environments/${name}`);
  await expect(environmentStatus(page)).toHaveText("Failed", installTimeout);
  const panel = page.getByRole("alert").filter({ hasText: "failed at" });
  await expect(panel).toContainText("Join worker cp-1");
  await expect(panel).toContainText("connect-worker:cp-1");
  await expect(panel).toContainText("did not join");
  await expect(panel).toContainText("This is on our side");
  await expect(
    panel.getByRole("list", { name: "Last log lines of the failed step" }).getByRole("listitem").last(),
  ).toContainText("did not join");
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toBeVisible();

  await panel.getByRole("button", { name: "Retry" }).click();
  await expect(panel).toBeHidden();
  await expect(environmentStatus(page)).toHaveText("Running", installTimeout);
  await expect(page.getByRole("region", { name: "Activity" }).getByRole("row", { name: /Install/ })).toContainText(
    "Succeeded",
  );
});

test("Cancel mid-install stops it and tears it down to Cancelled", async ({ page }) => {
  await signUpViaApi(page.request);
  const name = `cnl-${stamp()}`;
  await createEnvironment(page, { name });

  await page.goto(`/environments/${name}`);
  await page.getByRole("button", { name: "Cancel install" }).click();
  await expect(environmentStatus(page)).toHaveText("Cancelled", installTimeout);
  await expect(page.getByRole("button", { name: "Cancel install" })).toHaveCount(0);
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.getByRole("row", { name: /^Install/ })).toContainText("Cancelled");
  await expect(activity.getByRole("row", { name: /^Cancel/ })).toContainText("Succeeded");
});

test("Delete asks for the name, then tears the cluster down to Deleted", async ({ page }) => {
  await signUpViaApi(page.request);
  const name = `del-${stamp()}`;
  await createEnvironment(page, { name, displayName: "Doomed" });

  await page.goto(`/environments/${name}`);
  await expect(environmentStatus(page)).toHaveText("Running", installTimeout);
  const deleteButton = page.getByRole("button", { name: "Delete", exact: true });
  await deleteButton.click();
  const dialog = page.getByRole("dialog", { name: "Delete Doomed?" });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Delete environment" });
  await expect(confirm).toBeDisabled();
  const typed = dialog.getByLabel(`Type ${name} to confirm`);
  await expect(typed).toBeFocused();
  await typed.fill(`${name}-typo`);
  await expect(confirm).toBeDisabled();

  // Escape closes it without deleting; focus returns to the Delete button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(environmentStatus(page)).toHaveText("Running");

  await deleteButton.click();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(environmentStatus(page)).toHaveText("Deleted", installTimeout);
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  // Deleted, it costs nothing: the side panel says so and shows no price.
  const cluster = page.getByRole("complementary", { name: "Cluster" });
  await expect(cluster).toContainText("Deleted: its nodes are gone and it costs nothing.");
  await expect(page.getByTestId("plan-monthly-price")).toHaveCount(0);
  await expect(cluster).not.toContainText("Price per month");
});

test("another account gets 404 for the page, its event stream, logs, credentials and kubeconfig", async ({
  page,
  browser,
}) => {
  await signUpViaApi(page.request);
  const name = `own-${stamp()}`;
  await createEnvironment(page, { name });

  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signUpViaApi(stranger.request);
  const strangerPage = await stranger.newPage();
  expect((await strangerPage.goto(`/environments/${name}`))?.status()).toBe(404);
  // The event stream has no API v1 twin; the rest are API v1's.
  for (const path of [
    `/api/environment-feed/${name}`,
    ...["logs", "logs/text", "credentials", "kubeconfig"].map((p) => `/api/v1/environments/${name}/${p}`),
  ]) {
    expect((await stranger.request.get(path)).status(), path).toBe(404);
  }
  await stranger.close();
});
