import { expect, test, type Page } from "@playwright/test";
import { fieldErrorsOf, installViaApi, signUpViaApi, waitForStatus } from "./support";

/** Installs through the API and opens the status page once the cluster runs. */
async function runningCluster(page: Page, settings: Record<string, unknown> = {}): Promise<string> {
  await signUpViaApi(page.request);
  const name = `d2-${Date.now().toString(36)}`;
  expect((await installViaApi(page.request, { name, region: "eu-central", ...settings })).status()).toBe(201);
  await page.goto(`/environments/${name}`);
  await expect(page.getByRole("status", { name: "Environment status" })).toHaveText("Running", { timeout: 30_000 });
  return name;
}

/**
 * Confirms a change and waits until it has run: its row is added to the Activity and says Succeeded. (A quick
 * change can be over before the page ever shows Updating, so that state is not waited for.)
 */
async function confirmAndWait(page: Page, dialogName: string, confirm: string) {
  const operations = page.getByRole("region", { name: "Activity" }).getByRole("table").getByRole("row");
  // The open dialog hides the page from the accessibility tree, so the rows are counted hidden ones included.
  const before = await page
    .getByRole("region", { name: "Activity", includeHidden: true })
    .getByRole("row", { includeHidden: true })
    .count();
  const dialog = page.getByRole("dialog", { name: dialogName });
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog).toBeHidden();
  await expect(operations).toHaveCount(before + 1, { timeout: 30_000 });
  await expect(operations.nth(1)).toContainText("Succeeded", { timeout: 30_000 });
  await expect(page.getByRole("status", { name: "Environment status" })).toHaveText("Running");
}

const changes = (page: Page) => page.getByRole("region", { name: "Changes" });

test("Monitoring needs storage: refused, then Add storage, then Monitoring with Grafana's URL", async ({ page }) => {
  test.setTimeout(90_000);
  const name = await runningCluster(page, { storage: false });
  const monitoring = changes(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Monitoring" }) });
  await expect(monitoring).toContainText("Monitoring needs NFS storage: add storage first.");
  await expect(monitoring.getByRole("button", { name: "Activate Monitoring" })).toHaveCount(0);
  const refused = await page.request.post(`/api/v1/environments/${name}/changes/addons`, {
    data: { monitoring: true },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).detail).toBe(
    "Monitoring needs NFS storage, which this cluster does not have. Add storage first.",
  );

  await monitoring.getByRole("button", { name: "Add storage for Monitoring" }).click();
  const dialog = page.getByRole("dialog", { name: "Add storage" });
  const diff = dialog.getByRole("group", { name: "What this change does" });
  await expect(diff).toContainText("Adds storage-1 (Storage)");
  await expect(diff).toContainText("2 → 3");
  await expect(diff.getByRole("listitem").filter({ hasText: "Install the NFS provisioner" })).toBeVisible();
  await confirmAndWait(page, "Add storage", "Add storage");
  await expect(changes(page)).toContainText("On: storage-1, the default StorageClass.");

  await monitoring.getByRole("button", { name: "Activate Monitoring" }).click();
  const activate = page
    .getByRole("dialog", { name: "Activate Monitoring" })
    .getByRole("group", { name: "What this change does" });
  await expect(activate).toContainText("Install Prometheus and Grafana");
  // What Monitoring asks of the workers, checked against what they can give, as the scheduler would.
  await expect(page.getByRole("dialog", { name: "Activate Monitoring" })).toContainText(
    "Requests 0.9 CPU and 1.9 GiB of the workers.",
  );
  await expect(activate.getByRole("list", { name: "Quota afterwards" })).toContainText(
    "Room on the workers: Monitoring requests 0.9 CPU and 1.9 GiB of the 12.8 CPU and 4 GiB the 1 worker can give.",
  );
  await confirmAndWait(page, "Activate Monitoring", "Activate Monitoring");
  await expect(monitoring).toContainText(`On: https://${name}.fra.clusterport.cloud/grafana/`);
  await expect(page.getByRole("table", { name: /health/i }).getByRole("row", { name: /Monitoring/ })).toContainText(
    "OK",
  );
  // The activity names who did what.
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity).toContainText("activates Monitoring");
  await expect(activity).toContainText("adds NFS storage on storage-1 and a default StorageClass");
});

test("scale workers out to 3 and back in to 1, each with its plan diff checked before confirming", async ({ page }) => {
  test.setTimeout(90_000);
  await runningCluster(page);
  await changes(page).getByRole("button", { name: "Scale workers" }).click();
  const dialog = page.getByRole("dialog", { name: "Scale workers" });
  await expect(dialog).toContainText("The control plane stays as it is");
  await dialog.getByLabel("Workers").fill("3");
  const diff = dialog.getByRole("group", { name: "What this change does" });
  await expect(diff).toContainText("Adds cp-2 (Workers), cp-3 (Workers)");
  await expect(diff).toContainText("3 → 5");
  await expect(diff).toContainText(/Price per month\$[\d.]+ → \$[\d.]+/);
  // Beyond the plan's quota (Developer: 4 nodes per group) the diff says why, and Confirm is off.
  await dialog.getByLabel("Workers").fill("5");
  await expect(diff).toContainText("This change is not possible on your plan");
  await expect(dialog.getByRole("button", { name: "Scale workers" })).toBeDisabled();
  await dialog.getByLabel("Workers").fill("3");
  await expect(diff).toContainText("Adds cp-2 (Workers), cp-3 (Workers)");
  // The cluster being changed is one of the account's environments, not an extra one.
  const quota = diff.getByRole("list", { name: "Quota afterwards" });
  await expect(quota).toContainText("Environments: 1 of 3 in use, this one included.");
  await expect(quota).not.toContainText("this one makes");
  await confirmAndWait(page, "Scale workers", "Scale workers");
  const nodes = page.getByRole("table", { name: "Nodes of the environment and their state" });
  // The side panel describes the cluster as it is now, live: no install steps, ETA or "one more" environment.
  const cluster = page.getByRole("complementary", { name: "Cluster" });
  await expect(cluster.getByRole("table", { name: "Node groups" }).getByRole("row", { name: /Workers/ })).toContainText(
    "3",
  );
  await expect(cluster).toContainText("Price per month");
  await expect(cluster).not.toContainText("Install steps");
  await expect(cluster).not.toContainText("Estimated time");
  await expect(cluster).not.toContainText("this one makes");
  // Steps read as a person would say them: no internal keys, attempts only for a retried step.
  const progress = page.getByRole("region", { name: "Progress" });
  await progress.getByRole("button", { name: /^Join worker/ }).click();
  await expect(
    progress.getByRole("list", { name: "Join worker, per node" }).getByText("Join worker · cp-2", { exact: true }),
  ).toBeVisible();
  await expect(progress).not.toContainText("connect-worker:");
  await expect(progress).not.toContainText("attempt 1 of");
  for (const worker of ["cp-2", "cp-3"])
    await expect(nodes.getByRole("row", { name: new RegExp(`\\b${worker}\\.`) })).toContainText(/Running.*Yes/);

  await changes(page).getByRole("button", { name: "Scale workers" }).click();
  await dialog.getByLabel("Workers").fill("1");
  await expect(dialog.getByRole("checkbox", { name: "Remove cp-3" })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Remove cp-2" })).toBeChecked();
  // Keep cp-3 and remove cp-1 instead.
  await dialog.getByRole("checkbox", { name: "Remove cp-3" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Going from 3 to 1 workers removes 2; you chose 1.");
  await dialog.getByRole("checkbox", { name: "Remove cp-1" }).click();
  await expect(diff).toContainText("Removes cp-1 (Workers), cp-2 (Workers)");
  await expect(diff).toContainText("5 → 3");
  await confirmAndWait(page, "Scale workers", "Scale workers");
  await expect(changes(page)).toContainText("1 (cp-3)");
  // Removed workers leave the Nodes table once they are gone.
  await expect(nodes.getByRole("row", { name: /\bcp-3\./ })).toContainText(/Running.*Yes/);
  await expect(nodes.getByRole("row", { name: /\bcp-1\./ })).toHaveCount(0);
  await expect(nodes.getByRole("row", { name: /\bcp-2\./ })).toHaveCount(0);
  await expect(cluster.getByRole("table", { name: "Node groups" }).getByRole("row", { name: /Workers/ })).toContainText(
    "1",
  );
  // The sample app's pods moved to the remaining worker, as the Workloads section shows.
  const workloads = page.getByRole("region", { name: "Workloads" });
  await expect(
    workloads.getByRole("table", { name: "Workloads" }).getByRole("row", { name: /hello-kubernetes/ }),
  ).toContainText("2/2");
  const appPods = workloads.getByRole("table", { name: "Pods" }).getByRole("row", { name: /hello-kubernetes/ });
  await expect(appPods).toHaveCount(2);
  for (const row of await appPods.all()) await expect(row).toContainText(/cp-3\s*Running/);
  await workloads.getByLabel("Namespace").selectOption("kube-system");
  await expect(workloads.getByRole("table", { name: "Workloads" })).toContainText("coredns");
});

test("Remote API access off and on, its URL going and coming back", async ({ page }) => {
  test.setTimeout(90_000);
  await runningCluster(page, { addons: { monitoring: false, tracing: false, remoteApi: true } });
  const remote = changes(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Remote API access" }) });
  // The kubeconfig's server: https on the app's own host and port.
  const server = new RegExp(
    `On: ${test.info().project.use.baseURL!.replace(/^http:/, "https:")}/k8s/clusters/[0-9a-f-]{36} for kubectl`,
  );
  await expect(remote).toContainText(server);
  await remote.getByRole("button", { name: "Turn off" }).click();
  const dialog = page.getByRole("dialog", { name: "Turn Remote API access off" });
  await expect(dialog.getByRole("group", { name: "What this change does" })).toContainText(
    "Stop exposing the Kubernetes API at /api/",
  );
  await confirmAndWait(page, "Turn Remote API access off", "Turn off");
  await expect(remote).toContainText("Off");
  await expect(page.getByRole("region", { name: "Endpoints" })).not.toContainText("/k8s/clusters/");

  await remote.getByRole("button", { name: "Turn on" }).click();
  await confirmAndWait(page, "Turn Remote API access on", "Turn on");
  await expect(remote).toContainText(server);
});

test("a failed scale-out leaves the cluster running, shows where it failed, and rolls back", async ({ page }) => {
  test.setTimeout(90_000);
  const name = await runningCluster(page);
  expect(
    (
      await page.request.put(`/api/v1/environments/${name}/faults`, { data: { named: ["worker-never-joins"] } })
    ).status(),
  ).toBe(200);
  await changes(page).getByRole("button", { name: "Scale workers" }).click();
  const dialog = page.getByRole("dialog", { name: "Scale workers" });
  await dialog.getByLabel("Workers").fill("2");
  await expect(dialog.getByRole("group", { name: "What this change does" })).toContainText("Adds cp-2 (Workers)");
  await dialog.getByRole("button", { name: "Scale workers" }).click();
  await expect(dialog).toBeHidden();

  const failure = page.getByRole("alert").filter({ hasText: "Scale workers failed at “Join worker cp-2”" });
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await expect(failure).toContainText("The cluster is still running");
  await expect(page.getByRole("status", { name: "Environment status" })).toHaveText("Running");
  await expect(changes(page)).toContainText(
    "Scale workers failed; retry it or roll it back before making another change.",
  );
  await expect(changes(page).getByRole("button", { name: "Scale workers" })).toBeDisabled();

  await failure.getByRole("button", { name: "Roll back" }).click();
  await expect(failure).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole("status", { name: "Environment status" })).toHaveText("Running", { timeout: 30_000 });
  await expect(changes(page)).toContainText("1 (cp-1)");
  await expect(changes(page).getByRole("button", { name: "Scale workers" })).toBeEnabled();
  await expect(page.getByRole("region", { name: "Activity" })).toContainText("undo Scale workers, removing cp-2");
});

test("worker autoscaling: a range refused in words, then turned on, changed and off", async ({ page }) => {
  test.setTimeout(90_000);
  await runningCluster(page);
  const card = changes(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Worker autoscaling" }) });
  await expect(card).toContainText("Off.");
  await card.getByRole("button", { name: "Turn autoscaling on" }).click();
  const dialog = page.getByRole("dialog", { name: "Turn worker autoscaling on" });
  await dialog.getByLabel("Minimum workers").fill("3");
  await dialog.getByLabel("Maximum workers").fill("2");
  await expect(dialog.getByText("Maximum workers must be at least Minimum workers.")).toBeVisible();
  await dialog.getByLabel("Maximum workers").fill("4");
  await expect(
    dialog.getByText("The cluster has 1 worker: set Minimum to at most 1, or scale workers first."),
  ).toBeVisible();
  await dialog.getByLabel("Minimum workers").fill("1");
  await expect(dialog.getByRole("group", { name: "What this change does" })).toContainText(
    "Install the worker autoscaler (1–4 workers)",
  );
  await confirmAndWait(page, "Turn worker autoscaling on", "Turn on");
  await expect(card).toContainText("On: 1–4 workers.");

  await card.getByRole("button", { name: "Change range" }).click();
  await page.getByRole("dialog", { name: "Change worker autoscaling" }).getByLabel("Maximum workers").fill("2");
  await confirmAndWait(page, "Change worker autoscaling", "Save range");
  await expect(card).toContainText("On: 1–2 workers.");
  await expect(page.getByRole("region", { name: "Activity" })).toContainText("sets worker autoscaling to 1–2 workers");

  await card.getByRole("button", { name: "Turn worker autoscaling off" }).click();
  await confirmAndWait(page, "Turn worker autoscaling off", "Turn off");
  await expect(card).toContainText("Off.");
});

test("upgrade one minor: every node's version changes, control plane first", async ({ page }) => {
  test.setTimeout(90_000);
  await runningCluster(page, { version: "1.36.5", workers: 2 });
  const nodes = page.getByRole("table", { name: "Nodes of the environment and their state" });
  await expect(nodes).not.toContainText("v1.37.1");
  const card = changes(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Kubernetes version" }) });
  await expect(card).toContainText("v1.36.5; v1.37.1 available.");
  await card.getByRole("button", { name: "Upgrade Kubernetes" }).click();
  const dialog = page.getByRole("dialog", { name: "Upgrade Kubernetes" });
  await expect(dialog.getByRole("radio", { name: "v1.37.1" })).toBeChecked();
  const steps = dialog.getByRole("list", { name: "Steps of this change" }).getByRole("listitem");
  await expect(steps.nth(0)).toContainText("Upgrade control plane k8sm-1 to v1.37.1");
  await expect(steps.nth(1)).toContainText("Upgrade worker cp-1 to v1.37.1");
  await expect(steps.nth(2)).toContainText("Upgrade worker cp-2 to v1.37.1");
  await confirmAndWait(page, "Upgrade Kubernetes", "Upgrade");
  for (const node of ["k8sm-1", "cp-1", "cp-2"])
    await expect(nodes.getByRole("row", { name: new RegExp(`\\b${node}\\.`) })).toContainText("v1.37.1");
  await expect(nodes).not.toContainText("v1.36.5");
  await expect(card).toContainText("v1.37.1, the newest Clusterport offers.");
  await expect(page.getByRole("region", { name: "Activity" })).toContainText("upgrades Kubernetes v1.36.5 → v1.37.1");
});

test("certificate manager: an invalid domain is refused with its rule; a valid one waits for its DNS record, made on the Account page, then gets its certificate and URL", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = await runningCluster(page);
  const card = changes(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Certificate manager" }) });
  await card.getByRole("button", { name: "Set up" }).click();
  const dialog = page.getByRole("dialog", { name: "Certificate manager" });
  const domain = dialog.getByLabel("Domain");
  await domain.fill("shop_1.example.com");
  await expect(dialog.getByRole("alert")).toHaveText(
    'Use only letters, digits and hyphens between the dots; "_" is not allowed.',
  );
  await expect(domain).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("button", { name: "Issue certificate" })).toBeDisabled();
  // The API applies the same rule.
  const refused = await page.request.post(`/api/v1/environments/${name}/changes/certificate`, {
    data: { domain: `${name}.fra.clusterport.cloud` },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).detail).toBe(
    "Names under fra.clusterport.cloud are Clusterport's; use a domain you own.",
  );

  await domain.fill("shop.example.com");
  await expect(dialog.getByRole("list", { name: "Steps of this change" })).toContainText(
    "Issue a certificate for shop.example.com",
  );
  const operations = page.getByRole("region", { name: "Activity" }).getByRole("table").getByRole("row");
  await dialog.getByRole("button", { name: "Issue certificate" }).click();
  await expect(dialog).toBeHidden();
  // No record yet: the step waits, saying why and which record to create.
  await expect(
    page
      .getByText(
        /shop\.example\.com does not resolve to this cluster \(it does not resolve\)\. Create an A record shop\.example\.com → 198\.1[89]\.\d+\.\d+ \(the cluster's ingress address\) or a CNAME shop\.example\.com → /,
      )
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await expect(operations.nth(1)).toContainText("issues a Let's Encrypt certificate for shop.example.com");

  // The record, made on the Account page (the simulated DNS): first refused with its field's reason, then a CNAME to the cluster.
  const account = await page.context().newPage();
  await account.goto("/account");
  const dns = account.getByRole("region", { name: "DNS records" });
  await expect(dns.getByRole("table", { name: "Your clusters" })).toContainText(`${name}.fra.clusterport.cloud`);
  const form = dns.getByRole("form", { name: "Add a DNS record" });
  await form.getByLabel("Name").fill("shop.example.com");
  await form.getByRole("combobox", { name: "Type" }).click();
  await account.getByRole("option", { name: /^CNAME/ }).click();
  await form.getByLabel("Value").fill("198.18.0.1");
  await form.getByRole("button", { name: "Add record" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "A CNAME points at a name, not an address; for 198.18.0.1 choose A.",
  );
  await expect(form.getByLabel("Value")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Value").fill(`${name}.fra.clusterport.cloud`);
  await form.getByRole("button", { name: "Add record" }).click();
  await expect(dns.getByRole("list", { name: "DNS records" })).toContainText(
    `shop.example.com CNAME ${name}.fra.clusterport.cloud`,
  );
  await account.close();

  // Looked up again on its own: issued without a Retry.
  await expect(operations.nth(1)).toContainText("Succeeded", { timeout: 60_000 });
  await expect(page.getByRole("status", { name: "Environment status" })).toHaveText("Running");
  await expect(card).toContainText(/shop\.example\.com: Ready, valid until \d{4}-\d\d-\d\d \(Let's Encrypt\)/);
  await expect(
    page.getByRole("region", { name: "Endpoints" }).getByRole("link", { name: /https:\/\/shop\.example\.com\// }),
  ).toBeVisible();
});

test("registry credentials set, then replaced; the password never shown again", async ({ page }) => {
  test.setTimeout(90_000);
  await runningCluster(page);
  const card = changes(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Registry credentials" }) });
  await expect(card).toContainText("None: images are pulled anonymously.");
  await card.getByRole("button", { name: "Set credentials" }).click();
  const dialog = page.getByRole("dialog", { name: "Registry credentials" });
  await dialog.getByLabel("Registry").fill("ghcr.io");
  await dialog.getByLabel("Username").fill("alice");
  await dialog.getByLabel("Password").fill("ghp_first-secret-token");
  await dialog.getByLabel("E-mail").fill("not-an-email");
  await dialog.getByLabel("Username").click();
  await expect(dialog.getByText("Enter an e-mail address like you@example.com, or leave it empty.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Save credentials" })).toBeDisabled();
  await dialog.getByLabel("E-mail").fill("alice@example.com");
  await expect(dialog.getByRole("list", { name: "Steps of this change" })).toContainText(
    "Apply the credentials for ghcr.io in every namespace",
  );
  await confirmAndWait(page, "Registry credentials", "Save credentials");
  await expect(card).toContainText("ghcr.io (user alice): the image pull secret of every namespace.");

  await card.getByRole("button", { name: "Replace" }).click();
  await expect(dialog).toContainText("Replaces the credentials for ghcr.io (user alice) in every namespace.");
  await dialog.getByLabel("Registry").fill("registry.example.com:5000");
  await dialog.getByLabel("Username").fill("bob");
  await dialog.getByLabel("Password").fill("second-secret");
  await confirmAndWait(page, "Registry credentials", "Replace credentials");
  await expect(card).toContainText("registry.example.com:5000 (user bob)");
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity).toContainText(
    "replaces the registry credentials with those for registry.example.com:5000 (user bob)",
  );
  await expect(page.locator("body")).not.toContainText("second-secret");
  await expect(page.locator("body")).not.toContainText("ghp_first-secret-token");
});

test("a change's plan counts the account's environments with this one among them, not as an extra one", async ({
  page,
}) => {
  await signUpViaApi(page.request);
  const stamp = Date.now().toString(36);
  for (const name of [`first-${stamp}`, `second-${stamp}`]) {
    expect((await installViaApi(page.request, { name, region: "eu-central" })).status()).toBe(201);
  }
  const name = `second-${stamp}`;
  const environment = async () => await (await page.request.get(`/api/v1/environments/${name}`)).json();
  await waitForStatus(page.request, name, "running", 30_000);
  const quotaMessage = async () =>
    (await environment()).plan.quota.verdicts.find((v: { quota: string }) => v.quota === "maxEnvironments")
      .message as string;
  const atInstall = await quotaMessage();
  expect(atInstall).toBe("Environments: 1 of 3 in use; this one makes 2.");
  // On day 2 the cluster is one of the two in use, not a third.
  const counted = "Environments: 2 of 3 in use, this one included.";
  const preview = await page.request.post(`/api/v1/environments/${name}/changes/remote-api/preview`, {
    data: { enabled: true },
  });
  expect(preview.status()).toBe(200);
  expect(
    (await preview.json()).diff.quota.verdicts.find((v: { quota: string }) => v.quota === "maxEnvironments").message,
  ).toBe(counted);

  expect(
    (await page.request.post(`/api/v1/environments/${name}/changes/remote-api`, { data: { enabled: true } })).status(),
  ).toBe(202);
  await waitForStatus(page.request, name, "running", 30_000);
  expect(await quotaMessage()).toBe(counted);
  // Bad input through the API gets the same words as in the dialog.
  const typo = await page.request.post(`/api/v1/environments/${name}/changes/scale-workers`, {
    data: { workers: "three" },
  });
  expect(typo.status()).toBe(400);
  expect(fieldErrorsOf(await typo.json()).workers).toBe("Enter the number of workers.");
  const unknown = await page.request.post(`/api/v1/environments/${name}/changes/resize`, { data: {} });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).detail).toMatch(
    /^There is no change called "resize"\. Changes: scale-workers, upgrade,/,
  );
});
