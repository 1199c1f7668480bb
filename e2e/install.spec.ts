import { expect, test } from "@playwright/test";
import { installViaApi, openInstallDialog, signUpViaApi } from "./support";

test("a Developer fills the install dialog, sees the plan react, fixes errors and installs", async ({ page }) => {
  await signUpViaApi(page.request);
  const dialog = await openInstallDialog(page);
  await expect(page).toHaveURL(/\/marketplace\/kubernetes-cluster\/install$/);

  // Defaults: newest version, development topology, storage on.
  await expect(dialog.getByLabel("Version")).toHaveText(/v1\.37\.1/);
  await expect(dialog.getByRole("radio", { name: "Development" })).toBeChecked();
  await expect(dialog.getByRole("switch", { name: "NFS storage" })).toBeChecked();

  // Production needs more nodes than the Developer plan allows, and the dialog says which quota.
  const production = dialog.getByRole("radio", { name: "Production" });
  await expect(production).toBeDisabled();
  await expect(dialog.getByText(/Nodes per environment: your plan allows 6, Production needs 10/)).toBeVisible();

  // The plan: 1 control plane, 1 worker, 1 storage node; price and steps.
  const plan = dialog.getByRole("complementary", { name: "Plan" });
  const groups = plan.getByRole("table", { name: "Node groups" });
  await expect(groups.getByRole("row", { name: /Control plane/ })).toContainText("1");
  await expect(groups.getByRole("row", { name: /Storage/ })).toBeVisible();
  const priceWithStorage = await plan.getByTestId("plan-monthly-price").textContent();
  await expect(plan.getByRole("list", { name: "Install steps" })).toContainText("Initialise the first control plane");

  // Monitoring needs storage: turning storage off unticks and disables it, and the plan drops the storage node.
  await dialog.getByRole("checkbox", { name: "Monitoring" }).click();
  await expect(dialog.getByRole("checkbox", { name: "Monitoring" })).toBeChecked();
  await expect(plan.getByRole("list", { name: "Install steps" })).toContainText("Install Prometheus and Grafana");
  await dialog.getByRole("switch", { name: "NFS storage" }).click();
  await expect(dialog.getByRole("checkbox", { name: "Monitoring" })).not.toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Monitoring" })).toBeDisabled();
  await expect(dialog.getByText(/Needs NFS storage/).first()).toBeVisible();
  await expect(groups.getByRole("row", { name: /Storage/ })).toHaveCount(0);
  await expect(plan.getByTestId("plan-monthly-price")).not.toHaveText(priceWithStorage!);

  // More workers: the plan follows.
  await dialog.getByLabel("Workers").fill("3");
  await expect(groups.getByRole("row", { name: /Workers/ })).toContainText("3");

  // Custom manifests with a mistake: the error names the line.
  await dialog.getByRole("radio", { name: "Custom" }).click();
  await dialog.getByRole("radio", { name: "Kubernetes manifests" }).click();
  await dialog
    .getByLabel("Manifests (YAML)")
    .fill("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: ConfigMap\n");
  // A bad name, too.
  await dialog.getByLabel("Environment name").fill("9-Bad_Name");
  await dialog.getByRole("button", { name: "Install" }).click();
  await expect(dialog.getByText("Line 6: the manifest document 2 has no metadata.name.")).toBeVisible();
  await expect(dialog.getByText("Start with a lowercase letter.")).toBeVisible();

  await dialog.getByLabel("Manifests (YAML)").fill("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
  const name = `shop-${Date.now().toString(36)}`;
  await dialog.getByLabel("Environment name").fill(name);
  await expect(dialog.getByText(`${name}.fra.clusterport.cloud is available.`)).toBeVisible();
  await dialog.getByLabel("Display name").fill("Shop cluster");
  await dialog.getByRole("button", { name: "Install" }).click();

  await expect(page).toHaveURL(new RegExp(`/environments/${name}$`));
  await expect(page.getByRole("heading", { name: "Shop cluster" })).toBeVisible();
  // The engine picks the install up at once, so the badge may already have moved on from Queued.
  await expect(page.getByText(/^(Queued|Installing)$/).first()).toBeVisible();
  await expect(page.getByText(`${name}.fra.clusterport.cloud`).first()).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Plan" }).getByRole("row", { name: /Workers/ })).toContainText(
    "3",
  );

  await page.getByRole("link", { name: "Environments" }).click();
  const row = page.getByRole("row", { name: /Shop cluster/ });
  await expect(row).toContainText(/Queued|Installing/);
  await expect(row).toContainText("Development");
});

test("the dialog's URL reopens it, Escape closes it, and a taken name is refused", async ({ page }) => {
  await signUpViaApi(page.request);
  const dialog = await openInstallDialog(page);
  const name = `taken-${Date.now().toString(36)}`;
  const res = await installViaApi(page.request, { name, region: "eu-central" });
  expect(res.status()).toBe(201);

  await page.reload();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Environment name").fill(name);
  await expect(dialog.getByText(`${name}.fra.clusterport.cloud is taken. Choose another name.`)).toBeVisible();
  await dialog.getByRole("button", { name: "Install" }).click();
  await expect(dialog.getByText(`The name "${name}" is taken in Frankfurt. Choose another name.`)).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/marketplace$/);
});

test("the Business demo account can choose production and sees its plan", async ({ page }) => {
  await page.request.post("/api/auth/sign-in/email", {
    data: { email: "demo@clusterport.dev", password: "clusterport-demo" },
  });
  const dialog = await openInstallDialog(page);
  await dialog.getByRole("radio", { name: "Production" }).click();
  const groups = dialog.getByRole("complementary", { name: "Plan" }).getByRole("table", { name: "Node groups" });
  await expect(groups.getByRole("row", { name: /Control plane/ })).toContainText("3");
  await expect(groups.getByRole("row", { name: /API balancer/ })).toContainText("2");
  await expect(groups.getByRole("row", { name: /Workers/ })).toContainText("2");
  await expect(groups.getByRole("row", { name: /Storage/ })).toContainText(/GlusterFS/);
  await expect(dialog.getByLabel("Workers")).toHaveValue("2");
});

test("the Trial plan locks every field of the dialog", async ({ page }) => {
  await signUpViaApi(page.request);
  await page.goto("/account");
  await page.getByRole("radio", { name: "Trial" }).click();
  await page.getByRole("button", { name: "Change plan" }).click();
  await expect(page.getByText("Your plan is now Trial.")).toBeVisible();

  const dialog = await openInstallDialog(page);
  await expect(dialog.getByText(/not available on the Trial plan — upgrade/i).first()).toBeVisible();
  for (const label of [
    "Version",
    "Dashboard",
    "Ingress controller",
    "Environment name",
    "Display name",
    "Region",
    "Workers",
  ]) {
    await expect(dialog.getByLabel(label)).toBeDisabled();
  }
  await expect(dialog.getByRole("radio", { name: "Development" })).toBeDisabled();
  await expect(dialog.getByRole("switch", { name: "NFS storage" })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Install" })).toBeDisabled();
});

test("every name rule shows as you type, the plan shows no invalid domain, and 45 workers are shown as asked and refused in the same words", async ({
  page,
}) => {
  await page.request.post("/api/auth/sign-in/email", {
    data: { email: "demo@clusterport.dev", password: "clusterport-demo" },
  });
  const dialog = await openInstallDialog(page);
  const plan = dialog.getByRole("complementary", { name: "Plan" });
  const name = dialog.getByLabel("Environment name");
  // No Install press, no leaving the field: each rule of the server's schema shows while typing.
  for (const [typed, rule] of [
    ["Mon-Cluster", "Start with a lowercase letter."],
    ["9abc", "Start with a lowercase letter."],
    ["a", "Use at least 3 characters."],
    ["abc-", "Do not end with a hyphen."],
  ] as const) {
    await name.fill(typed);
    await expect(name).toHaveAccessibleDescription(new RegExp(rule.replace(".", "\\.")));
    await expect(plan).toContainText("<name>.fra.clusterport.cloud");
    await expect(dialog).not.toContainText(`${typed}.fra.clusterport.cloud`);
  }
  await name.fill("mon-cluster");
  await expect(plan).toContainText("mon-cluster.fra.clusterport.cloud");

  // 45 workers: the plan draws 45, says what is over, and Install refuses with the same sentence.
  const tooMany =
    "Workers at install: at most 20, this cluster asks for 45. Start with 20 or fewer and scale out later.";
  await dialog.getByLabel("Workers").fill("45");
  await expect(plan.getByRole("table", { name: "Node groups" }).getByRole("row", { name: /Workers/ })).toContainText(
    "45",
  );
  const quota = plan.getByRole("region", { name: "Quota check" });
  await expect(quota.getByRole("listitem").filter({ hasText: tooMany })).toContainText("Over quota");
  await expect(quota.getByRole("listitem").filter({ hasText: "Nodes per node group" })).toContainText("Over quota");
  await dialog.getByRole("button", { name: "Install" }).click();
  await expect(dialog.getByLabel("Workers")).toHaveAccessibleDescription(new RegExp(tooMany.replace(/\./g, "\\.")));
  await expect(page).toHaveURL(/\/install$/);

  // Monitoring and Tracing: what they request of the workers, in the dialog and in the plan.
  await dialog.getByLabel("Workers").fill("1");
  await expect(dialog.getByRole("checkbox", { name: "Monitoring" })).toHaveAccessibleDescription(
    /Requests 0\.9 CPU and 1\.9 GiB of the workers\./,
  );
  await dialog.getByRole("checkbox", { name: "Monitoring" }).click();
  await dialog.getByRole("checkbox", { name: "Tracing" }).click();
  const requests = plan.getByRole("list", { name: "What the add-ons request of the workers" });
  await expect(requests.getByRole("listitem").filter({ hasText: "Monitoring" })).toContainText(
    "requests 0.9 CPU and 1.9 GiB",
  );
  await expect(requests.getByRole("listitem").filter({ hasText: "Tracing" })).toContainText(
    "requests 0.35 CPU and 768 MiB",
  );
  await expect(quota).toContainText(
    "Room on the workers: Monitoring and Tracing request 1.25 CPU and 2.6 GiB of the 12.8 CPU and 4 GiB the 1 worker can give.",
  );
});

test("the app has an icon: /favicon.ico and /icon.svg answer 200 with an image, and pages link it", async ({
  page,
}) => {
  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  const svg = await page.request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  await page.goto("/sign-in");
  expect(await page.locator('head link[rel="icon"]').count()).toBeGreaterThan(0);
});
