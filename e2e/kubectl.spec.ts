import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { parse } from "yaml";
import { installViaApi, openInstallDialog, signUpViaApi, waitForStatus } from "./support";

/**
 * The real kubectl against the suite's server exactly as `npm start` runs it (plain http APP_URL, nothing set up):
 * the kubeconfig as downloaded names https on the same host and port and carries the installation's authority;
 * kubectl verifies it and sends its token. No flag, no environment variable, the file unchanged.
 */
const execFileAsync = promisify(execFile);
const kubectl = (process.env.PATH ?? "")
  .split(path.delimiter)
  .map((dir) => path.join(dir, "kubectl"))
  .find((file) => fs.existsSync(file));

type Kubeconfig = { clusters: { cluster: Record<string, unknown> & { server: string } }[] };

async function runningCluster(request: APIRequestContext, remoteApi: boolean) {
  const name = `kctl-${Date.now().toString(36)}-${Math.floor(Math.random() * 1000)}`;
  expect(
    (
      await installViaApi(request, {
        name,
        region: "eu-central",
        workers: 2,
        addons: { monitoring: false, tracing: false, remoteApi },
      })
    ).status(),
  ).toBe(201);
  await waitForStatus(request, name, "running", 30_000);
  const download = await request.get(`/api/v1/environments/${name}/kubeconfig`);
  expect(download.status()).toBe(200);
  const yaml = await download.text();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubectl-"));
  const file = path.join(dir, `${name}-kubeconfig.yaml`);
  fs.writeFileSync(file, yaml, { mode: 0o600 });
  // A HOME of its own: no ~/.kube cache or config of this machine takes part.
  const run = async (...args: string[]) =>
    (
      await execFileAsync(kubectl!, ["--kubeconfig", file, ...args], {
        encoding: "utf8",
        env: { ...process.env, HOME: dir, KUBECONFIG: file },
      })
    ).stdout;
  const fails = (...args: string[]) =>
    run(...args).then(
      (out) => `succeeded: ${out}`,
      (e: { stderr: string }) => e.stderr,
    );
  return { name, yaml, config: parse(yaml) as Kubeconfig, dir, run, fails };
}

test("kubectl works with the downloaded kubeconfig, unchanged: https with the installation's authority, get, create, apply, scale, logs, delete", async ({
  page,
  baseURL,
}) => {
  test.skip(!kubectl, "kubectl is not on the PATH of this machine (CI's image has kubectl 1.32 at /usr/bin/kubectl)");
  test.setTimeout(120_000);
  const request = page.request;
  await signUpViaApi(request);
  const c = await runningCluster(request, true);
  const port = new URL(baseURL!).port;
  const server = c.config.clusters[0]!.cluster.server;
  expect(server).toMatch(new RegExp(`^https://localhost:${port}/k8s/clusters/[0-9a-f-]{36}$`));
  // One address: the page's endpoints, API v1 (what the CLI prints) and the install dialog name the same server.
  await page.goto(`/environments/${c.name}`);
  await expect(
    page
      .getByRole("region", { name: "Endpoints" })
      .getByRole("link", { name: `${server} (Remote API, opens in a new tab)` }),
  ).toBeVisible();
  const status = await request.get(`/api/v1/environments/${c.name}/status`);
  expect(status.status()).toBe(200);
  expect((await status.json()).endpoints.remoteApi).toBe(server);
  const dialog = await openInstallDialog(page);
  await expect(
    dialog.getByText(`At https://localhost:${port}/k8s/clusters/<cluster id>, the server its kubeconfig names.`),
  ).toBeVisible();
  expect(Buffer.from(String(c.config.clusters[0]!.cluster["certificate-authority-data"]), "base64").toString()).toMatch(
    /^-----BEGIN CERTIFICATE-----/,
  );
  expect(c.yaml).not.toContain("insecure-skip-tls-verify");

  const nodes = (await c.run("get", "nodes")).trim().split("\n");
  expect(nodes[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
  expect(
    nodes
      .slice(1)
      .map((l) => l.split(/\s+/).slice(0, 3).join(" "))
      .sort(),
  ).toEqual(["cp-1 Ready worker", "cp-2 Ready worker", "k8sm-1 Ready control-plane"]);

  expect(await c.run("create", "deployment", "hello", "--image=nginx:1.27")).toBe("deployment.apps/hello created\n");
  const manifest = path.join(c.dir, "web.yaml");
  fs.writeFileSync(
    manifest,
    [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: { name: web }",
      "spec:",
      "  replicas: 2",
      "  selector: { matchLabels: { app: web } }",
      "  template:",
      "    metadata: { labels: { app: web } }",
      "    spec:",
      "      containers:",
      "      - { name: web, image: 'nginx:1.27', resources: { requests: { cpu: 100m, memory: 64Mi } } }",
      "",
    ].join("\n"),
  );
  expect(await c.run("apply", "-f", manifest)).toBe("deployment.apps/web created\n");
  expect(await c.run("scale", "deployment", "web", "--replicas=3")).toBe("deployment.apps/web scaled\n");
  const running = async () =>
    (await c.run("get", "pods", "-l", "app=web", "--no-headers"))
      .split("\n")
      .filter((l) => /\s1\/1\s+Running\s/.test(l)).length;
  await expect.poll(running, { timeout: 15_000 }).toBe(3);
  expect(await c.run("logs", "deployment/web")).toContain("Configuration complete; ready for start up");
  expect(await c.run("delete", "deployment", "web")).toBe('deployment.apps "web" deleted\n');
  expect(await c.run("delete", "deployment", "hello")).toBe('deployment.apps "hello" deleted\n');
  expect(await c.run("get", "deployments", "--no-headers", "--ignore-not-found")).not.toMatch(/^(web|hello)\s/m);
});

test("with Remote API access off, kubectl prints Clusterport's sentence that says how to turn it on", async ({
  request,
}) => {
  test.skip(!kubectl, "kubectl is not on the PATH of this machine (CI's image has kubectl 1.32 at /usr/bin/kubectl)");
  test.setTimeout(90_000);
  await signUpViaApi(request);
  const c = await runningCluster(request, false);
  const sentence = `Remote API access is off for ${c.name}: turn it on under Changes on its page in Clusterport (Remote API access → Turn on), then try again.`;
  expect(await c.fails("get", "nodes")).toContain(`Error from server (Forbidden): ${sentence}`);
  // kubectl words a refused create its own way around the same sentence.
  expect(await c.fails("create", "deployment", "hello", "--image=nginx:1.27")).toContain(
    `error: failed to create deployment: ${sentence}`,
  );
});
