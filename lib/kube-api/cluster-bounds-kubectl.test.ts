import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOverHttps } from "./testing/serve-over-https";
import { testCluster, type TestCluster } from "./testing/test-cluster";

/**
 * The real kubectl against a cluster at its bounds (the handler behind an https server whose certificate kubectl
 * verifies, as it sends its token only over TLS). Skipped, saying so, where no kubectl is on the PATH.
 */
const hasKubectl = spawnSync("kubectl", ["version", "--client"], { stdio: "ignore" }).status === 0;
if (!hasKubectl) console.warn("cluster-bounds-kubectl.test.ts: no kubectl on the PATH; skipped.");

let cluster: TestCluster;
let served: Awaited<ReturnType<typeof serveOverHttps>>;
let kubeconfig: string;

beforeAll(async () => {
  if (!hasKubectl) return;
  cluster = await testCluster("kubectl-bounds");
  served = await serveOverHttps(cluster);
  kubeconfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kubectl-bounds-")), "config");
  fs.writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        {
          name: "c",
          cluster: {
            server: served.server,
            "certificate-authority-data": Buffer.from(served.caPem).toString("base64"),
          },
        },
      ],
      users: [{ name: "admin", user: { token: cluster.token } }],
      contexts: [{ name: "c", context: { cluster: "c", user: "admin" } }],
      "current-context": "c",
    }),
  );
}, 120_000);
afterAll(async () => {
  if (!hasKubectl) return;
  await served.close();
  await cluster.db.cleanup();
});

/** kubectl's output (stderr when it fails); asynchronous, so that the server in this process can answer it. */
async function kubectl(...args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    return {
      ok: true,
      out: (
        await promisify(execFile)("kubectl", ["--kubeconfig", kubeconfig, "--request-timeout=30s", ...args], {
          encoding: "utf8",
        })
      ).stdout,
    };
  } catch (e) {
    const failed = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${failed.stderr ?? ""}${failed.stdout ?? ""}` };
  }
}

describe.skipIf(!hasKubectl)("kubectl and a cluster's bounds", () => {
  it("scales to 100000000 and is told why only the quota's pods run; describe quota shows used and hard", async () => {
    expect((await kubectl("create", "deployment", "web", "--image=nginx:1.27", "--replicas=3")).ok).toBe(true);
    const huge = await kubectl(
      "patch",
      "deployment",
      "web",
      "--type=json",
      "-p",
      '[{"op":"replace","path":"/spec/replicas","value":2147483648}]',
    );
    expect(huge.ok).toBe(false);
    expect(huge.out).toContain("The request is invalid: patch: Invalid value:");
    expect(huge.out).toContain(
      "cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32",
    );
    expect(
      (
        await kubectl(
          "patch",
          "deployment",
          "web",
          "--type=json",
          "-p",
          '[{"op":"replace","path":"/spec/replicas","value":100000000}]',
        )
      ).out,
    ).toContain("deployment.apps/web patched");

    expect((await kubectl("get", "resourcequota", "-A")).out).toMatch(
      /default\s+clusterport-quota\s+\S+\s+count\/objects: 1\/4000, pods: 110\/110/,
    );
    expect((await kubectl("describe", "quota", "-n", "default")).out).toMatch(
      /Name:\s+clusterport-quota[\s\S]*pods\s+110\s+110/,
    );
    const described = (await kubectl("describe", "deployment", "web")).out;
    expect(described).toMatch(/Replicas:\s+100000000 desired \| 110 updated \| 110 total/);
    expect(described).toMatch(/ReplicaFailure\s+True\s+FailedCreate/);
    const events = (
      await kubectl("get", "events", "--field-selector", "reason=FailedCreate", "-o", "jsonpath={.items[*].message}")
    ).out;
    expect(events).toMatch(
      /^Error creating: pods "web-[0-9a-z]+-[0-9a-z]+" is forbidden: exceeded quota: clusterport-quota, requested: pods=1, used: pods=110, limited: pods=110$/,
    );
    const pending = (
      await kubectl(
        "get",
        "pods",
        "--field-selector",
        "status.phase=Pending",
        "-o",
        "jsonpath={.items[0].status.conditions[0].message}",
      )
    ).out;
    expect(pending).toContain("Too many pods");

    expect((await kubectl("delete", "deployment", "web")).ok).toBe(true);
    expect((await kubectl("get", "pods", "-l", "app=web", "-o", "name")).out.trim()).toBe("");
  }, 120_000);
});
