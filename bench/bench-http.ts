// `npm run bench:http` — HTTP load on the two requests a person's browser and scripts make most (not a test).
// Starts the app as `npm start` does on a fresh embedded PostgreSQL of its own (DATA_DIR=.e2e/bench/http),
// signs in as the demo account, creates one development environment and waits until it is Running, then
// loads with autocannon (closed loop: each connection sends its next request when the previous one is
// answered):
//   (a) the status page   GET /environments/<name>       (server-rendered Next.js page)
//   (b) the API           GET /api/v1/environments/<name>
// Writes the results into docs/benchmarks.md between the http markers.
//
//   BENCH_CONNECTIONS     concurrent connections (default 50)
//   BENCH_DURATION        seconds of load per target (default 20)
//   BENCH_WARMUP          seconds of load per target before measuring, not counted (default 3)
//   BENCH_PORT            the app's port (default 3310)
import autocannon from "autocannon";
import { createEnvironment, signIn, startBenchApp, waitUntilRunning } from "./bench-app";
import { commandLine, machine, numberFromEnv, today, wholeNumberFromEnv, writeResultsBlock } from "./bench-results";

const port = wholeNumberFromEnv("BENCH_PORT", 3310);
const connections = wholeNumberFromEnv("BENCH_CONNECTIONS", 50);
const duration = wholeNumberFromEnv("BENCH_DURATION", 20);
const warmup = numberFromEnv("BENCH_WARMUP", 3);

type Target = {
  label: string;
  path: string;
  accept: string;
  target: string;
  before: string;
  check(body: string): boolean;
};

type Row = {
  target: Target;
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: string;
};

async function load(base: string, cookie: string, target: Target, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${base}${target.path}`,
    connections,
    duration: seconds,
    headers: { cookie, accept: target.accept },
  });
}

async function measure(base: string, cookie: string, target: Target): Promise<Row> {
  // One request first: a redirect to sign-in or an error page would otherwise be measured as a fast answer.
  const res = await fetch(`${base}${target.path}`, { headers: { cookie, accept: target.accept }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200 || !target.check(body))
    throw new Error(`GET ${target.path} answered ${res.status}, not the expected page:\n${body.slice(0, 500)}`);
  if (warmup > 0) await load(base, cookie, target, warmup);
  console.log(`${target.label}: ${connections} connections for ${duration} s …`);
  const r = await load(base, cookie, target, duration);
  const row: Row = {
    target,
    requests: r.requests.total,
    perSecond: r.requests.total / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.entries(r.statusCodeStats)
      .map(([code, { count }]) => `${code}: ${count}`)
      .join(", "),
  };
  console.log(
    `  ${row.requests} requests, ${row.perSecond.toFixed(0)}/s; latency p50 ${row.p50} ms, p90 ${row.p90} ms, p99 ${row.p99} ms, max ${row.max} ms; errors ${row.errors} (timeouts ${row.timeouts}), non-2xx ${row.non2xx} [${row.statusCodes}]`,
  );
  return row;
}

async function main() {
  const app = await startBenchApp({ name: "http", port, env: { ENGINE_TIME_SCALE: "0" } });
  const rows: Row[] = [];
  try {
    const cookie = await signIn(app.base);
    const name = `http-${Date.now().toString(36)}`;
    await createEnvironment(app.base, cookie, { name, region: "eu-central", topology: "development" });
    await waitUntilRunning(app.base, cookie, name);
    console.log(`${name} is running.`);
    const targets: Target[] = [
      {
        label: "Status page",
        path: `/environments/${name}`,
        accept: "text/html",
        target: "p99 < 300 ms",
        before: "63 req/s, p99 1.5 s",
        check: (body) => body.includes(name) && body.includes("<html"),
      },
      {
        label: "Environment API",
        path: `/api/v1/environments/${name}`,
        accept: "application/json",
        target: "—",
        before: "265 req/s, p99 361 ms",
        check: (body) => (JSON.parse(body) as { name?: string }).name === name,
      },
    ];
    for (const target of targets) rows.push(await measure(app.base, cookie, target));
  } finally {
    console.log("Stopping the app …");
    await app.stop();
  }
  writeResultsBlock("http", [
    `## HTTP (\`npm run bench:http\`, ${today()}, ${machine()})`,
    "",
    `Command: \`${commandLine("bench:http", { BENCH_CONNECTIONS: connections, BENCH_DURATION: duration, BENCH_WARMUP: warmup })}\` — the app as`,
    "`npm start` runs it (embedded PostgreSQL on the same machine, engine in the web process and idle, `LOG_LEVEL=warn`),",
    "signed in as the demo account, one Running development environment; autocannon keeps that many connections busy",
    `(each sends its next request when the previous one is answered) for ${duration} s per row after ${warmup} s of warm-up.`,
    "",
    "| Request | Requests/s | p50 | p90 | p99 | max | Errors / non-2xx | Target | SQLite version |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.target.label} \`GET ${r.target.path.replace(/\/[^/]+$/, "/<name>")}\` | **${r.perSecond.toFixed(0)}** | ${r.p50} ms | ${r.p90} ms | **${r.p99} ms** | ${r.max} ms | ${r.errors} / ${r.non2xx} | ${r.target.target} | ${r.target.before} |`,
    ),
  ]);
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
