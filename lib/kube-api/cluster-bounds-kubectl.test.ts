import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import selfsigned from "selfsigned";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCluster, type TestCluster } from "./testing/test-cluster";

/**
 * The real kubectl against a cluster at its bounds (the handler behind an https server made for the test, as
 * kubectl sends its token only over TLS; the certificate itself is not checked here). Skipped, saying so, where no kubectl is on the PATH.
 */
const hasKubectl = spawnSync("kubectl", ["version", "--client"], { stdio: "ignore" }).status === 0;
if (!hasKubectl) console.warn("cluster-bounds-kubectl.test.ts: no kubectl on the PATH; skipped.");

let cluster: TestCluster;
let server: https.Server;
let kubeconfig: string;

beforeAll(async () => {
  if (!hasKubectl) return;
  cluster = await testCluster("kubectl-bounds");
  const pems = await selfsigned.generate([{ name: "commonName", value: "127.0.0.1" }]);
  server = https.createServer({ key: pems.private, cert: pems.cert }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const answer = await cluster.send(req.method ?? "GET", (req.url ?? "/").replace(`/k8s/clusters/${cluster.clusterId}`, ""), {
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/k8s/clusters/${cluster.clusterId}`;
  kubeconfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kubectl-bounds-")), "config");
  fs.writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      // TLS so that kubectl sends its token; what the certificate names is not what this test is about.
      clusters: [{ name: "c", cluster: { server: url, "insecure-skip-tls-verify": true } }],
      users: [{ name: "admin", user: { token: cluster.token } }],
      contexts: [{ name: "c", context: { cluster: "c", user: "admin" } }],
      "current-context": "c",
    }),
  );
}, 120_000);
afterAll(async () => {
  if (!hasKubectl) return;
  await new Promise((resolve) => server.close(resolve));
  await cluster.db.cleanup();
});

/** kubectl's output (stderr when it fails); asynchronous, so that the server in this process can answer it. */
async function kubectl(...args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    return { ok: true, out: (await promisify(execFile)("kubectl", ["--kubeconfig", kubeconfig, "--request-timeout=30s", ...args], { encoding: "utf8" })).stdout };
  } catch (e) {
    const failed = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${failed.stderr ?? ""}${failed.stdout ?? ""}` };
  }
}

describe.skipIf(!hasKubectl)("kubectl and a cluster's bounds", () => {
  it("scales to 100000000 and is told why only the quota's pods run; describe quota shows used and hard", async () => {
    expect((await kubectl("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3")).ok).toBe(true);
    const huge = await kubectl("patch", "deployment", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":2147483648}]');
    expect(huge.ok).toBe(false);
    expect(huge.out).toContain("The request is invalid: patch: Invalid value:");
    expect(huge.out).toContain("cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32");
    expect((await kubectl("patch", "deployment", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":100000000}]')).out).toContain("deployment.apps/web patched");

    expect((await kubectl("get", "resourcequota", "-A")).out).toMatch(/default\s+clusterport-quota\s+\S+\s+count\/objects: 1\/4000, pods: 110\/110/);
    expect((await kubectl("describe", "quota", "-n", "default")).out).toMatch(/Name:\s+clusterport-quota[\s\S]*pods\s+110\s+110/);
    const described = (await kubectl("describe", "deployment", "web")).out;
    expect(described).toMatch(/Replicas:\s+100000000 desired \| 110 updated \| 110 total/);
    expect(described).toMatch(/ReplicaFailure\s+True\s+FailedCreate/);
    const events = (await kubectl("get", "events", "--field-selector", "reason=FailedCreate", "-o", "jsonpath={.items[*].message}")).out;
    expect(events).toMatch(/^Error creating: pods "web-[0-9a-z]+-[0-9a-z]+" is forbidden: exceeded quota: clusterport-quota, requested: pods=1, used: pods=110, limited: pods=110$/);
    const pending = (await kubectl("get", "pods", "--field-selector", "status.phase=Pending", "-o", "jsonpath={.items[0].status.conditions[0].message}")).out;
    expect(pending).toContain("Too many pods");

    expect((await kubectl("delete", "deployment", "web")).ok).toBe(true);
    expect((await kubectl("get", "pods", "-l", "app=web", "-o", "name")).out.trim()).toBe("");
  }, 120_000);
});
