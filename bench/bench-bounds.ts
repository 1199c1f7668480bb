// `npm run bench:bounds` — a cluster at its bounds (not a test). Starts the app as `npm start` does on a fresh
// embedded PostgreSQL of its own (DATA_DIR=.e2e/bench/bounds), signs in as the demo account (Business plan),
// installs one development cluster with BENCH_WORKERS workers and Remote API access on, downloads its kubeconfig
// (server URL, admin token, CA when the server is https), and then, while /api/health is asked every 100 ms and
// the web server's RSS is read from /proc every 250 ms:
//
//   1. idle:       BENCH_IDLE seconds, nothing sent;
//   2. fill:       a Deployment `bench` created with 1 replica, then `PATCH …/deployments/bench` (JSON patch)
//                  setting spec.replicas to 100000000 — the request that used to exhaust the heap — and the
//                  catch-up passes until the pods reach the cluster's quota;
//   3. list:       GET /api/v1/pods as JSON and as kubectl's Table, closed loop on BENCH_CONNECTIONS connections,
//                  BENCH_DURATION seconds each;
//   4. write:      BENCH_WRITES ConfigMaps created one after the other, and the Deployment's scale patched
//                  (100000000 → 2 → 100000000) after each tenth;
//   5. delete:     the Deployment deleted with its pods.
//
// For each phase: how long it took, the requests' latency, /api/health's p50 / p95 / max and its failures (a
// probe counts as failed when it is not 200 within 5 s), and the web server's RSS at the start and at most.
// Writes the results into docs/benchmarks.md between the bounds markers.
//
//   BENCH_WORKERS       workers of the cluster (default 3: pods quota 110 × 3 = 330)
//   BENCH_CONNECTIONS   concurrent connections for the list phase (default 10)
//   BENCH_DURATION      seconds per list target (default 10)
//   BENCH_WRITES        ConfigMaps created in the write phase (default 50)
//   BENCH_IDLE          seconds of the idle phase (default 5)
//   BENCH_PORT          the app's port (default 3410)
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { parse } from "yaml";
import { createEnvironment, signIn, startBenchApp, waitUntilRunning } from "./bench-app";
import { commandLine, machine, percentile, today, wholeNumberFromEnv, writeResultsBlock } from "./bench-results";

const port = wholeNumberFromEnv("BENCH_PORT", 3410);
const workers = wholeNumberFromEnv("BENCH_WORKERS", 3);
const connections = wholeNumberFromEnv("BENCH_CONNECTIONS", 10);
const duration = wholeNumberFromEnv("BENCH_DURATION", 10);
const writes = wholeNumberFromEnv("BENCH_WRITES", 50);
const idle = wholeNumberFromEnv("BENCH_IDLE", 5);
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

type Cluster = { server: URL; token: string; agent: http.Agent };

async function downloadKubeconfig(base: string, cookie: string, name: string): Promise<Cluster> {
  const res = await fetch(`${base}/api/v1/environments/${name}/kubeconfig`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET /api/v1/environments/${name}/kubeconfig: ${res.status} ${await res.text()}`);
  const config = parse(await res.text()) as {
    clusters?: { cluster?: { server?: string; "certificate-authority-data"?: string } }[];
    users?: { user?: { token?: string } }[];
  };
  const cluster = config.clusters?.[0]?.cluster;
  const token = config.users?.[0]?.user?.token;
  if (!cluster?.server || !token) throw new Error(`The kubeconfig of ${name} names no server or no token.`);
  const server = new URL(cluster.server.replace(/\/$/, ""));
  const ca = cluster["certificate-authority-data"];
  const agent =
    server.protocol === "https:"
      ? new https.Agent({ keepAlive: true, maxSockets: connections, ...(ca ? { ca: Buffer.from(ca, "base64") } : {}) })
      : new http.Agent({ keepAlive: true, maxSockets: connections });
  return { server, token, agent };
}

/** One request to the cluster's API on the kept-alive agent: status, body (parsed when asked), and its time. */
function kube(
  c: Cluster,
  method: string,
  path: string,
  body?: unknown,
  contentType = "application/json",
  accept = "application/json",
): Promise<{ status: number; text: string; ms: number }> {
  const url = new URL(`${c.server.pathname}${path}`, c.server);
  const data = body === undefined ? undefined : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method,
        agent: c.agent,
        headers: {
          authorization: `Bearer ${c.token}`,
          accept,
          ...(data ? { "content-type": contentType, "content-length": Buffer.byteLength(data) } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - started }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function kubeExpect(
  c: Cluster,
  expected: number,
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<{ json: Record<string, unknown>; ms: number }> {
  const answer = await kube(c, method, path, body, contentType);
  if (answer.status !== expected)
    throw new Error(
      `${method} ${path} answered ${answer.status} (expected ${expected}): ${answer.text.slice(0, 1000)}`,
    );
  return { json: JSON.parse(answer.text) as Record<string, unknown>, ms: answer.ms };
}

// ---------------------------------------------------------------------------------------------------------
// What is watched throughout: /api/health and the web server's RSS

/** The web server: the descendant of start.ts running scripts/serve.ts (Linux /proc). */
function webServerPid(rootPid: number): number | undefined {
  const parentOf = new Map<number, number>();
  const commandOf = new Map<number, string>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      commandOf.set(Number(entry), fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" "));
    } catch {
      // gone meanwhile
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === rootPid) return true;
    return false;
  };
  return [...commandOf].find(([pid, command]) => command.includes("serve.ts") && descends(pid))?.[0];
}

function rssOf(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? 0) * 1024;
}

type Probe = { at: number; ms: number; ok: boolean };

function watchHealth(base: string, pid: number) {
  const probes: Probe[] = [];
  const rss: { at: number; bytes: number }[] = [];
  let stopped = false;
  const probe = async () => {
    while (!stopped) {
      const at = performance.now();
      let ok = false;
      try {
        ok = (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) })).status === 200;
      } catch {
        ok = false;
      }
      probes.push({ at, ms: performance.now() - at, ok });
      await sleep(100);
    }
  };
  const timer = setInterval(() => {
    try {
      rss.push({ at: performance.now(), bytes: rssOf(pid) });
    } catch {
      rss.push({ at: performance.now(), bytes: 0 });
    }
  }, 250);
  const running = probe();
  return {
    probes,
    rss,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

type Phase = {
  name: string;
  seconds: number;
  detail: string;
  health: { p50: number; p95: number; max: number; failed: number; count: number };
  rssStart: number;
  rssMax: number;
};

async function phase(
  name: string,
  watch: ReturnType<typeof watchHealth>,
  pid: number,
  run: () => Promise<string>,
): Promise<Phase> {
  const start = performance.now();
  const rssStart = rssOf(pid);
  console.log(`${name} …`);
  const detail = await run();
  const end = performance.now();
  const probes = watch.probes.filter((p) => p.at >= start && p.at <= end);
  const sorted = probes.map((p) => p.ms).sort((a, b) => a - b);
  const rssMax = Math.max(rssStart, ...watch.rss.filter((r) => r.at >= start && r.at <= end).map((r) => r.bytes));
  const result: Phase = {
    name,
    seconds: (end - start) / 1000,
    detail,
    health: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? 0,
      failed: probes.filter((p) => !p.ok).length,
      count: probes.length,
    },
    rssStart,
    rssMax,
  };
  console.log(
    `  ${detail}; health p50 ${ms(result.health.p50)}, p95 ${ms(result.health.p95)}, max ${ms(result.health.max)}, ${result.health.failed}/${result.health.count} failed; RSS ${mib(rssStart)} → max ${mib(rssMax)}`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------------------

const deployment = (replicas: number) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "bench" },
  spec: {
    replicas,
    selector: { matchLabels: { app: "bench" } },
    template: {
      metadata: { labels: { app: "bench" } },
      spec: {
        containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu: "1m", memory: "1Mi" } } }],
      },
    },
  },
});
const deploymentPath = "/apis/apps/v1/namespaces/default/deployments/bench";

async function closedLoop(c: Cluster, accept: string, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const answer = await kube(c, "GET", "/api/v1/pods", undefined, undefined, accept);
      if (answer.status !== 200)
        throw new Error(`GET /api/v1/pods answered ${answer.status}: ${answer.text.slice(0, 500)}`);
      latencies.push(answer.ms);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return latencies.sort((a, b) => a - b);
}

const figures = (sorted: number[]) =>
  `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? 0)}`;

async function main() {
  const app = await startBenchApp({ name: "bounds", port });
  try {
    const cookie = await signIn(app.base);
    const name = "bounds";
    await createEnvironment(app.base, cookie, {
      name,
      region: "eu-central",
      workers,
      addons: { monitoring: false, tracing: false, remoteApi: true },
    });
    await waitUntilRunning(app.base, cookie, name);
    const cluster = await downloadKubeconfig(app.base, cookie, name);
    const pid = webServerPid(app.pid);
    if (pid === undefined)
      throw new Error("The web server's process (scripts/serve.ts) was not found under the app's.");
    const quota = async () => {
      const q = (await kubeExpect(cluster, 200, "GET", "/api/v1/namespaces/default/resourcequotas/clusterport-quota"))
        .json as { status: { hard: Record<string, string>; used: Record<string, string> } };
      return { hard: Number(q.status.hard.pods), used: Number(q.status.used.pods) };
    };
    const watch = watchHealth(app.base, pid);
    const phases: Phase[] = [];

    phases.push(await phase("idle", watch, pid, async () => (await sleep(idle * 1000), `${idle} s, nothing sent`)));
    let podCount = 0;
    phases.push(
      await phase("fill", watch, pid, async () => {
        await kubeExpect(cluster, 201, "POST", "/apis/apps/v1/namespaces/default/deployments", deployment(1));
        const patched = await kubeExpect(
          cluster,
          200,
          "PATCH",
          deploymentPath,
          [{ op: "replace", path: "/spec/replicas", value: 100_000_000 }],
          "application/json-patch+json",
        );
        // Past 500 the engine's catch-up passes make the rest (every autoscaler pass).
        const { hard } = await quota();
        const deadline = Date.now() + 120_000;
        while ((await quota()).used < hard && Date.now() < deadline) await sleep(500);
        podCount = (await quota()).used;
        return `PATCH replicas=100000000 answered in ${ms(patched.ms)}; ${podCount} pods (the quota: ${hard})`;
      }),
    );
    const lists: string[] = [];
    phases.push(
      await phase("list", watch, pid, async () => {
        for (const [label, accept] of [
          ["JSON", "application/json"],
          ["Table", tableAccept],
        ] as const) {
          const sorted = await closedLoop(cluster, accept, duration);
          lists.push(
            `${label}: ${sorted.length} requests, ${(sorted.length / duration).toFixed(1)}/s, ${figures(sorted)}`,
          );
        }
        return `GET /api/v1/pods (${podCount} pods + the system's), ${connections} connections — ${lists.join("; ")}`;
      }),
    );
    phases.push(
      await phase("write", watch, pid, async () => {
        const creates: number[] = [];
        const scales: number[] = [];
        for (let i = 0; i < writes; i++) {
          creates.push(
            (
              await kubeExpect(cluster, 201, "POST", "/api/v1/namespaces/default/configmaps", {
                metadata: { name: `bench-${i}` },
                data: { i: String(i) },
              })
            ).ms,
          );
          if (i % 10 === 9) {
            for (const replicas of [2, 100_000_000]) {
              scales.push(
                (
                  await kubeExpect(
                    cluster,
                    200,
                    "PATCH",
                    `${deploymentPath}/scale`,
                    { spec: { replicas } },
                    "application/merge-patch+json",
                  )
                ).ms,
              );
            }
          }
        }
        creates.sort((a, b) => a - b);
        scales.sort((a, b) => a - b);
        return `${writes} ConfigMaps created (${figures(creates)}); ${scales.length} scale patches 100000000 ↔ 2 (${figures(scales)})`;
      }),
    );
    phases.push(
      await phase("delete", watch, pid, async () => {
        const deleted = await kubeExpect(cluster, 200, "DELETE", deploymentPath);
        return `DELETE the Deployment with its ${podCount} pods answered in ${ms(deleted.ms)}; pods left: ${(await quota()).used}`;
      }),
    );
    await watch.stop();

    const command = commandLine("bench:bounds", {
      BENCH_WORKERS: workers,
      BENCH_CONNECTIONS: connections,
      BENCH_DURATION: duration,
      BENCH_WRITES: writes,
      BENCH_IDLE: idle,
    });
    writeResultsBlock("bounds", [
      `## A cluster at its bounds (\`npm run bench:bounds\`, ${today()}, ${machine()})`,
      "",
      `Command: \`${command}\` (wrapped in \`flock /tmp/clusterport-e2e.lock\` on a shared machine: it may build the app)`,
      "",
      `One development cluster, ${workers} workers, the demo account's Business plan (pods quota 110 × ${workers}, at most 1100). \`/api/health\` asked every 100 ms throughout (failed: not 200 within 5 s); RSS of the web server (scripts/serve.ts) from /proc every 250 ms.`,
      "",
      "| Phase | Took | What | Health p50 / p95 / max | Health failed | RSS start → max |",
      "|---|---|---|---|---|---|",
      ...phases.map(
        (p) =>
          `| ${p.name} | ${p.seconds.toFixed(1)} s | ${p.detail} | ${ms(p.health.p50)} / ${ms(p.health.p95)} / ${ms(p.health.max)} | ${p.health.failed} of ${p.health.count} | ${mib(p.rssStart)} → ${mib(p.rssMax)} |`,
      ),
    ]);
  } finally {
    await app.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
