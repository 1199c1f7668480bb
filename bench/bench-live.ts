// `npm run bench:live` — delay between an event being committed and it reaching an open status page's feed
// (not a test). Starts the app as `npm start` does on a fresh embedded PostgreSQL of its own
// (DATA_DIR=.e2e/bench/live), then, for each page count, installs a production cluster with that many feeds
// (GET /api/environment-feed/<name>, read like EventSource does) open on it and measures every `change`
// event: receipt time − its commit time. The commit time is when the bench's own LISTEN connection received the
// notification the committing transaction sent (so it includes PostgreSQL's delivery, a fraction of a
// millisecond here); the event's createdAt, set earlier in the transaction, gives a second, pessimistic figure.
// Writes the results into docs/benchmarks.md between the live markers.
//
//   BENCH_PAGES         page counts, one row each (default 50,500)
//   BENCH_TIME_SCALE    ENGINE_TIME_SCALE of the app (default 0.05: a production install takes ~17 s, time for
//                       500 feeds to connect and still see most of it)
//   BENCH_PORT          the app's port (default 3300)
//   BENCH_OPEN_BATCH    feeds opened at once while connecting (default 50)
//
// Only events created after every feed has received its first snapshot are counted, so the burst of
// connections (each one reads a snapshot) is not mixed into the figures. Every page must receive every such
// event; the table says how many deliveries were expected and how many arrived.
import path from "node:path";
import pg from "pg";
import { findRunningEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { createEnvironment, environmentStatus, root, signIn, startBenchApp } from "./bench-app";
import {
  commandLine,
  machine,
  numberFromEnv,
  percentile,
  today,
  wholeNumberFromEnv,
  writeResultsBlock,
} from "./bench-results";

const port = wholeNumberFromEnv("BENCH_PORT", 3300);
const timeScale = numberFromEnv("BENCH_TIME_SCALE", 0.05);
const openBatch = wholeNumberFromEnv("BENCH_OPEN_BATCH", 50);
const pageCounts = (process.env.BENCH_PAGES ?? "50,500").split(",").map((v) => {
  const n = Number(v.trim());
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`BENCH_PAGES must be page counts such as 50,500; got "${process.env.BENCH_PAGES}".`);
  return n;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageEnd = Buffer.from("\n\n");
const idPrefix = Buffer.from("id: ");
const snapshotPrefix = Buffer.from("event: snapshot\n");

type Row = {
  pages: number;
  connected: number;
  connectSeconds: number;
  events: number;
  expected: number;
  received: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The same from the event's createdAt. */
  createdP50: number;
  createdP95: number;
};

/** What every open page reports to the measurement. */
type Sink = {
  /** Events with createdAt before this (ms) are not counted; Infinity until every page is connected. */
  measureFrom: number;
  /** When the bench's listener heard of each event's commit, by event seq. */
  committedAt: Map<number, number>;
  /** Deliveries whose commit was not heard yet when they arrived (none expected): measured once it is. */
  early: { seq: number; receivedAt: number }[];
  delays: number[];
  createdDelays: number[];
  seqs: Set<number>;
  /** Delays by event type (step.running, step.succeeded …), for the console. */
  byType: Map<string, number[]>;
};

/**
 * One status page's feed. Resolves `ready` on its first snapshot (rejects if the stream ends before); records
 * the delay of every counted change event until `signal` aborts.
 */
function openPage(
  base: string,
  cookie: string,
  name: string,
  sink: Sink,
  signal: AbortSignal,
): { ready: Promise<void>; done: Promise<void> } {
  let markReady: () => void = () => {};
  let markFailed: (e: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => {}); // reported through the count of connected pages
  const done = (async () => {
    let isReady = false;
    try {
      const res = await fetch(`${base}/api/environment-feed/${name}`, {
        headers: { cookie, accept: "text/event-stream" },
        signal,
      });
      if (!res.ok || !res.body) throw new Error(`feed answered ${res.status}`);
      const reader = res.body.getReader();
      // Bytes, not text: with hundreds of pages every change brings each of them a snapshot of tens of kB, and
      // decoding those would make this reader, not the server, the bottleneck. Only message heads and the small
      // change events are decoded.
      let buffer: Buffer = Buffer.alloc(0);
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        const receivedAt = Date.now();
        buffer = buffer.length === 0 ? Buffer.from(value) : Buffer.concat([buffer, value]);
        let start = 0;
        let cut: number;
        while ((cut = buffer.indexOf(messageEnd, start)) >= 0) {
          const message = buffer.subarray(start, cut);
          start = cut + 2;
          // Messages: `id: n\nevent: change\ndata: …` (only change events carry an id), `event: <name>\ndata: …`.
          if (message.subarray(0, 4).equals(idPrefix)) {
            const text = message.toString("utf8");
            if (!text.includes("\nevent: change\n")) continue;
            const event = JSON.parse(text.slice(text.indexOf("\ndata: ") + 7)) as {
              id: number;
              type: string;
              createdAt: string;
            };
            const createdAt = Date.parse(event.createdAt);
            if (createdAt >= sink.measureFrom) {
              const committedAt = sink.committedAt.get(event.id);
              if (committedAt === undefined) sink.early.push({ seq: event.id, receivedAt });
              const delay = committedAt === undefined ? 0 : receivedAt - committedAt;
              if (committedAt !== undefined) sink.delays.push(delay);
              sink.createdDelays.push(receivedAt - createdAt);
              sink.seqs.add(event.id);
              const list = sink.byType.get(event.type) ?? [];
              sink.byType.set(event.type, list);
              list.push(delay);
            }
          } else if (!isReady && message.subarray(0, snapshotPrefix.length).equals(snapshotPrefix)) {
            isReady = true;
            markReady();
          }
        }
        buffer = buffer.subarray(start);
      }
      if (!isReady) throw new Error("feed ended before its first snapshot");
    } catch (e) {
      if (!isReady) markFailed(e);
      if (!signal.aborted) console.error(`A feed ended early: ${(e as Error).message}`);
    }
  })();
  return { ready, done };
}

/**
 * Listens, as the app does, for the notifications its engine transactions send at commit, and notes when each
 * of the environment's events was heard of: a notification names the newest event seq it commits.
 */
async function listenForCommits(databaseUrl: string, sink: Sink): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let heard = 0;
  client.on("notification", (msg) => {
    const at = Date.now();
    const { eventSeq } = JSON.parse(msg.payload ?? "{}") as { eventSeq?: number };
    if (eventSeq === undefined || eventSeq <= heard) return;
    for (let seq = heard + 1; seq <= eventSeq; seq++) sink.committedAt.set(seq, at);
    heard = eventSeq;
  });
  await client.query("LISTEN clusterport_changes");
  return client;
}

async function measure(base: string, cookie: string, databaseUrl: string, pages: number): Promise<Row> {
  const name = `live-${pages}-${Date.now().toString(36)}`;
  const sink: Sink = {
    measureFrom: Infinity,
    committedAt: new Map(),
    early: [],
    delays: [],
    createdDelays: [],
    seqs: new Set(),
    byType: new Map(),
  };
  // Only this environment's changes reach the listener: nothing else runs in the bench's app meanwhile.
  const listener = await listenForCommits(databaseUrl, sink);
  await createEnvironment(base, cookie, { name, region: "eu-central", topology: "production", workers: 3 });
  const abort = new AbortController();
  const opened: { ready: Promise<void>; done: Promise<void> }[] = [];
  const connectStart = Date.now();
  let connected = 0;
  for (let i = 0; i < pages; i += openBatch) {
    const batch = Array.from({ length: Math.min(openBatch, pages - i) }, () =>
      openPage(base, cookie, name, sink, abort.signal),
    );
    opened.push(...batch);
    const settled = await Promise.allSettled(batch.map((p) => p.ready));
    connected += settled.filter((s) => s.status === "fulfilled").length;
  }
  sink.measureFrom = Date.now();
  const connectSeconds = (sink.measureFrom - connectStart) / 1000;
  console.log(
    `  ${connected} of ${pages} feeds open after ${connectSeconds.toFixed(1)} s; measuring until ${name} is running …`,
  );

  let status = "";
  for (;;) {
    status = await environmentStatus(base, cookie, name);
    if (status === "running" || status === "failed") break;
    await sleep(250);
  }
  if (status !== "running") console.error(`  ${name} ended ${status}.`);
  await sleep(1_000); // the last deliveries
  abort.abort();
  await Promise.allSettled(opened.map((p) => p.done));
  await listener.end();
  // A page cannot get an event before its commit; a delivery that beat the listener's notification counts as 0.
  for (const e of sink.early)
    if (sink.committedAt.has(e.seq)) sink.delays.push(Math.max(0, e.receivedAt - sink.committedAt.get(e.seq)!));
  if (sink.early.length > 0)
    console.log(`  ${sink.early.length} deliveries arrived before the bench's listener heard of their commit.`);

  if (connected < pages) console.error(`  Only ${connected} of ${pages} feeds received their first snapshot.`);
  if (sink.seqs.size === 0)
    console.error(`  No event was counted: ${name} was done before every feed was open; raise BENCH_TIME_SCALE.`);
  const delays = [...sink.delays].sort((a, b) => a - b);
  const createdDelays = [...sink.createdDelays].sort((a, b) => a - b);
  for (const [type, list] of [...sink.byType].sort((a, b) => b[1].length - a[1].length)) {
    list.sort((a, b) => a - b);
    console.log(
      `    ${type.padEnd(28)} ${String(list.length).padStart(6)} deliveries  p50 ${percentile(list, 50)} ms  p95 ${percentile(list, 95)} ms`,
    );
  }
  return {
    pages,
    connected,
    connectSeconds,
    events: sink.seqs.size,
    expected: sink.seqs.size * connected,
    received: createdDelays.length,
    p50: percentile(delays, 50),
    p95: percentile(delays, 95),
    p99: percentile(delays, 99),
    max: delays.at(-1) ?? 0,
    createdP50: percentile(createdDelays, 50),
    createdP95: percentile(createdDelays, 95),
  };
}

async function main() {
  const app = await startBenchApp({ name: "live", port, env: { ENGINE_TIME_SCALE: String(timeScale) } });
  const rows: Row[] = [];
  try {
    const cookie = await signIn(app.base);
    const database = findRunningEmbeddedPostgres(path.join(root, app.dataDir, "postgres"));
    if (!database) throw new Error(`The app's embedded PostgreSQL under ${app.dataDir} is not running.`);
    for (const pages of pageCounts) {
      console.log(`${pages} page${pages === 1 ? "" : "s"}:`);
      const row = await measure(app.base, cookie, database.url, pages);
      console.log(
        `  ${row.received} of ${row.expected} deliveries; p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms, max ${row.max} ms`,
      );
      rows.push(row);
    }
  } finally {
    console.log("Stopping the app …");
    await app.stop();
  }
  const target = (pages: number) => (pages <= 50 ? "p95 < 50 ms" : "—");
  writeResultsBlock("live", [
    `## Live updates (\`npm run bench:live\`, ${today()}, ${machine()})`,
    "",
    `Command: \`${commandLine("bench:live", { BENCH_PAGES: pageCounts.join(","), BENCH_TIME_SCALE: timeScale })}\` — the app as \`npm start\``,
    "runs it (embedded PostgreSQL, engine in the web process), one production install per row with that many status-page",
    "feeds open on it; delay = when the feed received a `change` event − when the bench's own LISTEN connection",
    "heard the commit's notification. Last columns: the same from the event's `createdAt`, set when its step's",
    "transaction began (so it adds the transaction's own time). Counted: events created after every feed had its first",
    "snapshot.",
    "",
    "| Pages open | Feeds connected (time) | Events | Deliveries received / expected | p50 | p95 | p99 | max | Target | From createdAt p50 / p95 |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.pages} | ${r.connected} (${r.connectSeconds.toFixed(1)} s) | ${r.events} | ${r.received} / ${r.expected} | ${r.p50} ms | **${r.p95} ms** | ${r.p99} ms | ${r.max} ms | ${target(r.pages)} | ${r.createdP50} / ${r.createdP95} ms |`,
    ),
    "",
    "No polling: every engine transaction ends with `pg_notify`, delivered at commit to ONE listening connection per web",
    "process whatever the number of pages; the hub then reads the new events and builds the environment's snapshot once",
    "for all its pages (lib/live/feed-hub.ts, docs/live-updates.md). All feeds are read by one Node process on the same",
    "machine (it scans bytes and decodes only the change events), so the reader shares the machine with the app.",
  ]);
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
