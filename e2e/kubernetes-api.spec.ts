import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { AppsV1Api, CoreV1Api, KubeConfig, Watch } from "@kubernetes/client-node";
import { expect, test, type APIRequestContext } from "@playwright/test";
import selfsigned from "selfsigned";
import { parse } from "yaml";
import { findRunningEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { installViaApi, signUpViaApi, waitForStatus } from "./support";

const root = path.resolve(__dirname, "..");
const execFileAsync = promisify(execFile);

/** A running cluster of a new account, and its kubeconfig as the page hands it out. */
async function cluster(request: APIRequestContext, settings: Record<string, unknown>) {
  const name = `k8s-${Date.now().toString(36)}-${Math.floor(Math.random() * 1000)}`;
  expect((await installViaApi(request, { name, region: "eu-central", ...settings })).status()).toBe(201);
  await waitForStatus(request, name, "running", 30_000);
  const kubeconfig = await (await request.get(`/api/v1/environments/${name}/kubeconfig`)).text();
  const config = parse(kubeconfig) as {
    clusters: { cluster: { server: string } }[];
    users: { user: { token: string } }[];
  };
  return { name, kubeconfig, server: config.clusters[0]!.cluster.server, token: config.users[0]!.user.token };
}

test("a real Kubernetes client reads the simulated cluster with its kubeconfig, unchanged", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await signUpViaApi(request);
  const c = await cluster(request, { workers: 2, addons: { monitoring: false, tracing: false, remoteApi: true } });
  // https on the app's own host and port, verified against the installation's authority in the kubeconfig.
  expect(c.server).toMatch(new RegExp(`^${baseURL!.replace(/^http:/, "https:")}/k8s/clusters/[0-9a-f-]{36}$`));
  expect(c.kubeconfig).toContain("certificate-authority-data");

  const kc = new KubeConfig();
  kc.loadFromString(c.kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  const nodes = await core.listNode();
  expect(nodes.items.map((n) => n.metadata?.name).sort()).toEqual(["cp-1", "cp-2", "k8sm-1"]);
  expect(nodes.items.every((n) => n.status?.conditions?.find((x) => x.type === "Ready")?.status === "True")).toBe(true);
  expect(nodes.items.find((n) => n.metadata?.name === "k8sm-1")?.metadata?.labels).toHaveProperty(
    ["node-role.kubernetes.io/control-plane"],
    "",
  );
  const system = await core.listNamespacedPod({ namespace: "kube-system", labelSelector: "k8s-app=kube-dns" });
  expect(system.items).toHaveLength(2);
  expect(system.items.every((p) => p.status?.phase === "Running")).toBe(true);
  const onWorker = await core.listPodForAllNamespaces({ fieldSelector: "spec.nodeName=cp-2" });
  expect(onWorker.items.length).toBeGreaterThan(0);
  expect(onWorker.items.every((p) => p.spec?.nodeName === "cp-2")).toBe(true);
  const apps = kc.makeApiClient(AppsV1Api);
  const coredns = await apps.readNamespacedDeployment({ name: "coredns", namespace: "kube-system" });
  expect(coredns.status?.readyReplicas).toBe(2);
  await expect(core.readNamespacedPod({ name: "nope", namespace: "default" })).rejects.toMatchObject({ code: 404 });

  // A watch from the list's version sees a worker join when the cluster is scaled out, then turn Ready.
  const seen: { type: string; name: string; ready: string | undefined }[] = [];
  const watch = await new Watch(kc).watch(
    "/api/v1/nodes",
    { resourceVersion: nodes.metadata?.resourceVersion },
    (
      type: string,
      node: { metadata?: { name?: string }; status?: { conditions?: { type: string; status: string }[] } },
    ) =>
      seen.push({
        type,
        name: node.metadata?.name ?? "",
        ready: node.status?.conditions?.find((x) => x.type === "Ready")?.status,
      }),
    () => {},
  );
  expect(
    (await request.post(`/api/v1/environments/${c.name}/changes/scale-workers`, { data: { workers: 3 } })).status(),
  ).toBe(202);
  await expect.poll(() => seen.some((e) => e.name === "cp-3" && e.type === "ADDED"), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => seen.some((e) => e.name === "cp-3" && e.ready === "True"), { timeout: 30_000 }).toBe(true);
  expect(seen.filter((e) => e.type === "ADDED").map((e) => e.name)).toEqual(["cp-3"]);
  watch.abort();
});

test("a real client creates a deployment, scales it past the workers' room, and the autoscaler adds a worker for it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const request = page.request;
  await signUpViaApi(request);
  const c = await cluster(request, {
    workers: 1,
    autoscaling: { minWorkers: 1, maxWorkers: 2 },
    addons: { monitoring: false, tracing: false, remoteApi: true },
  });
  const kc = new KubeConfig();
  kc.loadFromString(c.kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);

  await core.createNamespace({ body: { metadata: { name: "shop" } } });
  await expect(core.createNamespace({ body: { metadata: { name: "shop" } } })).rejects.toMatchObject({ code: 409 });
  // A worker (32 cloudlets) gives pods 12800m of CPU: three 4-CPU pods fit on one.
  const deployment = (replicas: number) => ({
    metadata: { name: "api", labels: { app: "api" } },
    spec: {
      replicas,
      selector: { matchLabels: { app: "api" } },
      template: {
        metadata: { labels: { app: "api" } },
        spec: {
          containers: [{ name: "api", image: "nginx:1.27", resources: { requests: { cpu: "4", memory: "256Mi" } } }],
        },
      },
    },
  });
  await apps.createNamespacedDeployment({ namespace: "shop", body: deployment(2) });
  const phases = async () =>
    (await core.listNamespacedPod({ namespace: "shop", labelSelector: "app=api" })).items
      .map((p) => p.status?.phase)
      .sort();
  await expect.poll(phases, { timeout: 10_000 }).toEqual(["Running", "Running"]);

  const invalid = deployment(1);
  invalid.spec.template.spec.containers[0]!.image = "";
  await expect(
    apps.createNamespacedDeployment({ namespace: "shop", body: { ...invalid, metadata: { name: "broken" } } }),
  ).rejects.toMatchObject({ code: 422 });
  await expect(apps.deleteNamespacedDeployment({ name: "coredns", namespace: "kube-system" })).rejects.toMatchObject({
    code: 403,
  });

  // Five pods: the worker takes three, two wait with the scheduler's reason until the autoscaler adds cp-2.
  const seen: { type: string; name: string; phase: string | undefined; node: string | undefined }[] = [];
  const watch = await new Watch(kc).watch(
    "/api/v1/namespaces/shop/pods",
    {},
    (type: string, pod: { metadata?: { name?: string }; status?: { phase?: string }; spec?: { nodeName?: string } }) =>
      seen.push({ type, name: pod.metadata?.name ?? "", phase: pod.status?.phase, node: pod.spec?.nodeName }),
    () => {},
  );
  await apps.replaceNamespacedDeploymentScale({
    name: "api",
    namespace: "shop",
    body: { metadata: { name: "api", namespace: "shop" }, spec: { replicas: 5 } },
  });
  const pending = async () =>
    (await core.listNamespacedPod({ namespace: "shop", fieldSelector: "status.phase=Pending" })).items;
  await expect.poll(async () => (await pending()).length, { timeout: 10_000 }).toBeGreaterThan(0);
  const [waiting] = await pending();
  if (waiting) {
    expect(waiting.status?.conditions?.find((x) => x.type === "PodScheduled")?.message).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
    );
  }
  await expect.poll(phases, { timeout: 60_000 }).toEqual(["Running", "Running", "Running", "Running", "Running"]);
  expect((await core.listNode()).items.map((n) => n.metadata?.name).sort()).toEqual(["cp-1", "cp-2", "k8sm-1"]);
  expect(seen.some((e) => e.node === "cp-2" && e.phase === "Running")).toBe(true);
  watch.abort();
  // The decision, with its reason, in the activity; the Workloads section shows the five pods.
  await page.goto(`/environments/${c.name}`);
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(
    activity.getByRole("rowheader", {
      name: /autoscaler: 2 pods waited 30 s for room \(Insufficient cpu\): scales workers 1 → 2, adding cp-2/,
    }),
  ).toBeVisible();
  await expect(activity.getByRole("row").filter({ hasText: "Clusterport (automatic)" }).first()).toBeVisible();

  // Deleting the Deployment deletes its pods.
  await apps.deleteNamespacedDeployment({ name: "api", namespace: "shop" });
  await expect
    .poll(async () => (await core.listNamespacedPod({ namespace: "shop" })).items.length, { timeout: 10_000 })
    .toBe(0);
});

test("the API says who may not in Kubernetes Status objects: no token, another cluster's, Remote API off, no such cluster", async ({
  request,
  playwright,
}) => {
  test.setTimeout(90_000);
  await signUpViaApi(request);
  const open = await cluster(request, { addons: { monitoring: false, tracing: false, remoteApi: true } });
  const closed = await cluster(request, {});
  // Playwright cannot be given the kubeconfig's authority; the other tests verify the certificate (client-node, kubectl).
  const api = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const get = (server: string, token?: string) =>
    api.get(`${server}/api/v1/nodes`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  const anonymous = await get(open.server);
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({
    kind: "Status",
    status: "Failure",
    reason: "Unauthorized",
    code: 401,
  });
  const foreign = await get(open.server, closed.token);
  expect(foreign.status()).toBe(401);
  expect((await foreign.json()).message).toMatch(/not the admin token of this cluster/);

  const off = await get(closed.server, closed.token);
  expect(off.status()).toBe(403);
  expect((await off.json()).message).toBe(
    `Remote API access is off for ${closed.name}: turn it on under Changes on its page in Clusterport (Remote API access → Turn on), then try again.`,
  );
  const missing = await get(open.server.replace(/[0-9a-f-]{36}$/, "00000000-0000-4000-8000-000000000000"), open.token);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ kind: "Status", reason: "NotFound" });
  const badSelector = await api.get(`${open.server}/api/v1/pods?labelSelector=${encodeURIComponent("app=(x")}`, {
    headers: { authorization: `Bearer ${open.token}` },
  });
  expect(badSelector.status()).toBe(400);
  expect((await badSelector.json()).reason).toBe("BadRequest");
  await api.dispose();
});

/**
 * kubectl sends credentials only over TLS, as a Clusterport deployed behind HTTPS serves it: a second web server
 * with an https:// APP_URL behind a TLS-terminating proxy (a certificate made for the test, trusted through
 * SSL_CERT_FILE as a public one would be), and the kubeconfig downloaded there, used unchanged.
 */
test("kubectl reads and writes the cluster with the kubeconfig behind HTTPS: get, --watch, apply, scale, logs, describe, create, delete", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const kubectl = ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].find((p) => fs.existsSync(p));
  test.skip(!kubectl, "kubectl is not installed on this machine (CI's image has it at /usr/bin/kubectl)");
  const database = findRunningEmbeddedPostgres(path.join(root, ".e2e", "postgres"));
  expect(database, "the e2e server's embedded PostgreSQL").toBeDefined();
  const webPort = Number(new URL(baseURL!).port) + 7;
  const tlsPort = webPort + 1;
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] }],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubectl-"));
  fs.writeFileSync(path.join(dir, "ca.pem"), pems.cert);
  const web = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "serve.ts")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      DATABASE_URL: database!.url,
      DATA_DIR: ".e2e",
      PORT: String(webPort),
      APP_URL: `https://localhost:${tlsPort}`,
      ENGINE_IN_PROCESS: "false",
      TRUSTED_PROXY_HOPS: "1",
    },
    stdio: "ignore",
  });
  const proxy = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const upstream = http.request(
      { host: "localhost", port: webPort, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(tlsPort, resolve));
  try {
    const request = await playwright.request.newContext({
      baseURL: `https://localhost:${tlsPort}`,
      ignoreHTTPSErrors: true,
    });
    await expect
      .poll(async () => (await request.get("/api/health").catch(() => undefined))?.status(), { timeout: 60_000 })
      .toBe(200);
    await signUpViaApi(request);
    // The web server behind the proxy runs no engine; the suite's server does the install.
    const c = await cluster(request, { workers: 2, addons: { monitoring: false, tracing: false, remoteApi: true } });
    expect(c.server).toMatch(new RegExp(`^https://localhost:${tlsPort}/k8s/clusters/`));
    // The proxy's certificate is trusted as a public one would be: the kubeconfig names no authority of its own.
    expect(c.kubeconfig).not.toContain("certificate-authority-data");
    const file = path.join(dir, "config");
    fs.writeFileSync(file, c.kubeconfig, { mode: 0o600 });
    // Asynchronously: the TLS proxy answering kubectl runs in this process.
    const run = async (...args: string[]) =>
      (
        await execFileAsync(kubectl!, ["--kubeconfig", file, ...args], {
          encoding: "utf8",
          env: { ...process.env, HOME: dir, SSL_CERT_FILE: path.join(dir, "ca.pem") },
        })
      ).stdout;
    const getNodes = (await run("get", "nodes")).trim().split("\n");
    expect(getNodes[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(
      getNodes
        .slice(1)
        .map((l) => l.split(/\s+/).slice(0, 3).join(" "))
        .sort(),
    ).toEqual(["cp-1 Ready worker", "cp-2 Ready worker", "k8sm-1 Ready control-plane"]);
    expect(getNodes[1]).toMatch(/v1\.37\.1$/);
    expect((await run("get", "nodes", "-o", "wide")).split("\n")[0]).toMatch(
      /INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME/,
    );
    const pods = await run("get", "pods", "-n", "kube-system", "-o", "wide");
    expect(pods.split("\n")[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
    expect(pods).toMatch(/kube-apiserver-k8sm-1\s+1\/1\s+Running\s+0/);
    expect(
      JSON.parse(await run("get", "deployment", "coredns", "-n", "kube-system", "-o", "json")).status.readyReplicas,
    ).toBe(2);
    expect(await run("get", "deploy", "-A")).toMatch(/default\s+hello-kubernetes\s+2\/2/);
    expect((await run("get", "pods", "-A", "-l", "k8s-app=kube-dns", "--no-headers")).trim().split("\n")).toHaveLength(
      2,
    );
    expect(await run("version", "-o", "json")).toContain('"gitVersion": "v1.37.1"');

    // kubectl get --watch prints the new worker's row when the cluster scales out.
    const watcher = spawn(kubectl!, ["--kubeconfig", file, "get", "nodes", "--watch"], {
      env: { ...process.env, HOME: dir, SSL_CERT_FILE: path.join(dir, "ca.pem") },
    });
    let watched = "";
    watcher.stdout.on("data", (d: Buffer) => (watched += d.toString()));
    try {
      await expect.poll(() => watched, { timeout: 15_000 }).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
      expect(
        (await request.post(`/api/v1/environments/${c.name}/changes/scale-workers`, { data: { workers: 3 } })).status(),
      ).toBe(202);
      await expect.poll(() => watched, { timeout: 30_000 }).toMatch(/\ncp-3\s+Ready\s+worker\s+\S+\s+v1\.37\.1/);
    } finally {
      watcher.kill();
    }

    // Writes, as a person types them: apply (created, configured, unchanged), scale, logs, describe, events,
    // explain (from the API's OpenAPI document), create, delete.
    const manifest = path.join(dir, "web.yaml");
    const web = (replicas: number) =>
      [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        "  name: web",
        "spec:",
        `  replicas: ${replicas}`,
        "  selector:",
        "    matchLabels: { app: web }",
        "  template:",
        "    metadata:",
        "      labels: { app: web }",
        "    spec:",
        "      containers:",
        "      - name: web",
        "        image: nginx:1.27",
        "        ports: [{ containerPort: 80 }]",
        "        resources: { requests: { cpu: 100m, memory: 64Mi } }",
        "",
      ].join("\n");
    fs.writeFileSync(manifest, web(2));
    expect(await run("apply", "-f", manifest)).toBe("deployment.apps/web created\n");
    fs.writeFileSync(manifest, web(3));
    expect(await run("apply", "-f", manifest)).toBe("deployment.apps/web configured\n");
    expect(await run("apply", "-f", manifest)).toBe("deployment.apps/web unchanged\n");
    expect(await run("scale", "deployment", "web", "--replicas=4")).toBe("deployment.apps/web scaled\n");
    const running = async () =>
      (await run("get", "pods", "-l", "app=web", "--no-headers"))
        .split("\n")
        .filter((l) => /\s1\/1\s+Running\s/.test(l)).length;
    await expect.poll(running, { timeout: 10_000 }).toBe(4);
    expect(await run("logs", "deployment/web")).toContain("Configuration complete; ready for start up");
    const described = await run("describe", "deployment", "web");
    expect(described).toMatch(/Replicas:\s+4 desired \| 4 updated \| 4 total \| 4 available \| 0 unavailable/);
    expect(described).toMatch(/Normal\s+ScalingReplicaSet\s+.*Scaled up replica set web-\w+ from 3 to 4/);
    expect(await run("get", "events", "--field-selector", "reason=Scheduled", "--no-headers")).toMatch(
      /Normal\s+Scheduled\s+pod\/web-/,
    );
    expect(await run("explain", "deployment.spec.replicas")).toContain("Number of desired pods.");
    expect(await run("create", "namespace", "team-a")).toBe("namespace/team-a created\n");
    expect(await run("create", "deployment", "hello", "--image=nginx:1.27", "-n", "team-a")).toBe(
      "deployment.apps/hello created\n",
    );
    await expect
      .poll(async () => await run("get", "deployment", "hello", "-n", "team-a", "--no-headers"), { timeout: 10_000 })
      .toMatch(/^hello\s+1\/1\s+1\s+1\s/);
    expect(await run("delete", "deployment", "web")).toBe('deployment.apps "web" deleted\n');
    expect(await run("get", "pods", "-l", "app=web", "--no-headers", "--ignore-not-found")).toBe("");
    const refused = await run("delete", "deployment", "coredns", "-n", "kube-system").then(
      () => "deleted",
      (e: { stderr: string }) => e.stderr,
    );
    expect(refused).toMatch(
      /Error from server \(Forbidden\): deployments.apps "coredns" is forbidden: it is run by Clusterport/,
    );
    await request.dispose();
  } finally {
    proxy.close();
    await new Promise((resolve) => {
      web.once("exit", resolve);
      web.kill("SIGTERM");
    });
  }
});
