// `npm run bench:cluster-size` — what a cluster's size costs its writes and reads (not a test). On a fresh database
// (benchDatabase: embedded PostgreSQL, or BENCH_DATABASE_URL's server), installs one development cluster with
// Remote API access on through the engine, then for each size in BENCH_PODS grows a Deployment `bench` to that many
// pods (the controllers' catch-up passes, as syncClusterControllers runs them) and, in this process as the web
// server runs it (handleKubeRequest, the process's cache of cluster states):
//
//   write  BENCH_WRITES ConfigMaps created one after the other (POST …/namespaces/bench/configmaps);
//   get    as many GETs of one of them;
//   list   as many lists of the ConfigMaps of `bench` (a kind that does not grow with the pods);
//   page   the pods listed with limit=500 following metadata.continue to the end (the whole list, paged);
//   delta  a write through a second cache (another process's write) and the first cache's next read: what a
//          process that did not write reads (only the rows written since its version);
//
// with the heap in use after each size (after a forced GC when node runs with --expose-gc). The ratio column is
// each figure over the smallest size's. Writes the results into docs/benchmarks.md between the cluster-size markers.
//
//   BENCH_PODS     sizes, in pods of the Deployment (default 20,500,2000,10000)
//   BENCH_WRITES   requests per measured row (default 100)
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { changeClusterObjects, createRunner, readSim, stepHandlers, virtualClock } from "@/lib/engine";
import { applyDeployment, type ClusterQuotaHard } from "@/lib/engine/sim";
import { createSimStateCache } from "@/lib/engine/sim-state-cache";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import { handleKubeRequest } from "@/lib/kube-api/handle-kube-request";
import { defaultInstallSettings } from "@/lib/validations/install-settings";
import { benchDatabase } from "./bench-database";
import {
  commandLine,
  machine,
  percentile,
  today,
  wholeNumberFromEnv,
  wholeNumbersFromEnv,
  writeResultsBlock,
} from "./bench-results";

const sizes = wholeNumbersFromEnv("BENCH_PODS", [20, 500, 2000, 10000]);
const requests = wholeNumberFromEnv("BENCH_WRITES", 100);
/** Room for every size: the bench measures what holding pods costs, not the plan's quota. */
const quota: ClusterQuotaHard = { pods: Math.max(...sizes) + 100, objects: 100_000 };

async function main(): Promise<void> {
  const db = await benchDatabase(10);
  const key = crypto.randomBytes(32).toString("base64");
  const userId = await insertTestUser(db.pool);
  const base = defaultInstallSettings("size", "eu-central");
  const clock = virtualClock();
  const { environmentId } = await insertTestEnvironment(db.pool, {
    userId,
    name: "size",
    settings: { addons: { ...base.addons, remoteApi: true } },
    now: clock.now(),
  });
  await createRunner({
    pool: db.pool,
    clock,
    handlers: stepHandlers,
    encryptionKey: key,
    concurrency: 16,
  }).runUntilIdle();
  const token = (await readSim(db.pool, environmentId, key)).secrets.get("admin-token")!;
  const deps = { pool: db.pool, encryptionKey: key, subscribe: async () => () => {} };

  async function kube(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const url = new URL(`http://bench.test/k8s/clusters/${environmentId}${path}`);
    const request = new Request(url, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const parts = url.pathname.split("/").slice(4).filter(Boolean);
    const response = await handleKubeRequest(deps, environmentId, parts, request);
    return { status: response.status, text: await response.text() };
  }

  async function expectStatus(status: number, method: string, path: string, body?: unknown) {
    const answer = await kube(method, path, body);
    if (answer.status !== status) throw new Error(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 500)}`);
    return answer.text;
  }

  async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await fn(i);
      ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b);
  }

  async function podCount(): Promise<number> {
    const { rows } = await db.pool.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'Pod' AND namespace = 'bench'`,
      [environmentId],
    );
    return Number(rows[0]!.n);
  }

  await expectStatus(201, "POST", "/api/v1/namespaces", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: "bench" },
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  type Row = {
    pods: number;
    write: number[];
    get: number[];
    list: number[];
    page: number;
    pages: number;
    delta: number;
    heapMb: number;
  };
  const rows: Row[] = [];
  let written = 0;
  for (const pods of sizes) {
    await changeClusterObjects(
      db.pool,
      environmentId,
      (sim) => {
        const manifest = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "bench" } };
        applyDeployment(sim, { namespace: "bench", name: "bench", image: "nginx:1.27", replicas: pods, manifest });
        return () => undefined;
      },
      { quota },
    );
    while ((await podCount()) !== pods)
      await changeClusterObjects(db.pool, environmentId, () => () => undefined, { quota, reconcileAll: true });
    const configMap = (i: number) => ({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: `cm-${written + i}` },
      data: { i: String(i) },
    });
    const write = await timed(requests, (i) =>
      expectStatus(201, "POST", "/api/v1/namespaces/bench/configmaps", configMap(i)),
    );
    const get = await timed(requests, () =>
      expectStatus(200, "GET", `/api/v1/namespaces/bench/configmaps/cm-${written}`),
    );
    const list = await timed(requests, () => expectStatus(200, "GET", "/api/v1/namespaces/bench/configmaps"));
    written += requests;
    let pages = 0;
    const pageStart = performance.now();
    let next = "";
    do {
      const text = await expectStatus(
        200,
        "GET",
        `/api/v1/pods?limit=500${next ? `&continue=${encodeURIComponent(next)}` : ""}`,
      );
      next = (JSON.parse(text) as { metadata: { continue?: string } }).metadata.continue ?? "";
      pages += 1;
    } while (next);
    const page = performance.now() - pageStart;
    const other = createSimStateCache();
    await changeClusterObjects(
      db.pool,
      environmentId,
      (sim) => {
        sim.objects.apply({ kind: "ConfigMap", namespace: "bench", name: `elsewhere-${pods}`, spec: { manifest: {} } });
        return () => undefined;
      },
      { quota, cache: other },
    );
    const deltaStart = performance.now();
    await expectStatus(200, "GET", `/api/v1/namespaces/bench/configmaps/elsewhere-${pods}`);
    const delta = performance.now() - deltaStart;
    gc?.();
    rows.push({ pods, write, get, list, page, pages, delta, heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
    console.log(`${pods} pods: write p50 ${percentile(write, 50).toFixed(1)} ms`);
  }
  await db.cleanup();

  const first = rows[0]!;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const ratio = (v: number, base: number) => `${(v / base).toFixed(2)}×`;
  const lines = [
    `## Cluster size (bench:cluster-size)`,
    "",
    `${today()}, ${machine()}, \`${commandLine("bench:cluster-size", { BENCH_PODS: sizes.join(","), BENCH_WRITES: requests })}\`.`,
    "In-process (handleKubeRequest, as the web server calls it), one request at a time; ratio = the figure over the",
    `${first.pods}-pod row's. Pods are those of one Deployment (most Pending beyond the nodes' room: holding them is what is measured).`,
    "",
    "| pods | write p50 | write p99 | ratio (p50) | get p50 | list ConfigMaps p50 | all pods, paged by 500 | a write from another process, read | heap used |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.pods.toLocaleString("en")} | ${ms(percentile(r.write, 50))} | ${ms(percentile(r.write, 99))} | ${ratio(percentile(r.write, 50), percentile(first.write, 50))} | ${ms(percentile(r.get, 50))} | ${ms(percentile(r.list, 50))} | ${ms(r.page)} (${r.pages} pages) | ${ms(r.delta)} | ${r.heapMb.toFixed(0)} MB |`,
    ),
  ];
  writeResultsBlock("cluster-size", lines);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
