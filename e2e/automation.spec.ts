import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { cli, signUpViaApi } from "./support";

test("a token made on the Account page drives the CLI, is revoked in one click, and both show in the audit log", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
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

  // The CLI, with the token as a CI job would pass it.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "clusterport-automation-"));
  const env = { XDG_CONFIG_HOME: home, CLUSTERPORT_URL: baseURL!, CLUSTERPORT_TOKEN: secret };
  const name = `auto-${Date.now().toString(36)}`;
  fs.writeFileSync(path.join(home, "settings.yaml"), `name: ${name}\nregion: eu-central\n`);
  const created = await cli(["env", "create", "--file", path.join(home, "settings.yaml")], env);
  expect(created.code, created.stderr).toBe(0);
  const watched = await cli(["env", "status", name, "--watch"], env);
  expect(watched.code, watched.stderr).toBe(0);
  const kubeconfig = await cli(["env", "kubeconfig", name], env);
  expect(kubeconfig.stdout).toContain("/k8s/clusters/");
  const environment = { name };

  await page.reload();
  await expect(tokens.getByRole("row", { name: /nightly/ })).toContainText(/Last used|from/);
  await tokens.getByRole("button", { name: "Revoke nightly" }).click();
  await expect(tokens.getByRole("row", { name: /nightly/ })).toContainText("Revoked");
  const refused = await cli(["env", "list"], env);
  expect(refused.code).toBe(3);
  expect(refused.stderr).toMatch(/This API token \(nightly\) was revoked on/);
  // A script sees the same as a problem document.
  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${secret}` },
  });
  const problem = await script.get("/api/v1/environments");
  expect(problem.status()).toBe(401);
  expect(problem.headers()["content-type"]).toBe("application/problem+json");

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
  fs.rmSync(home, { recursive: true, force: true });
});
