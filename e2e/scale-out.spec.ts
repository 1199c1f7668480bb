import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { findRunningEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { uniqueEmail } from "./support";

/**
 * Scale-out across processes on one database: the suite's web server (web 1, engine in process), a second web
 * server (web 2, engine off) and two workers, all separate OS processes. 40 installs, production ones among
 * them, are submitted through both web servers; one worker is SIGKILLed half-way. Every install must reach
 * Running with exactly the machines its plan names, no step's success recorded twice, and a live feed opened
 * on web 1 must receive the events of an install whose steps ran on a worker. Last, web 2 is stopped while it
 * answers a burst of requests: each gets its answer, none a 500 from a pool closed under it.
 */

const root = path.resolve(__dirname, "..");

type Proc = { child: ChildProcess; output: string[] };

function start(script: string, env: Record<string, string>): Proc {
  const output: string[] = [];
  // node itself (not a wrapper that forks): the pid we kill must be the process's own.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ENGINE_TIME_SCALE: "0.02", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
  return { child, output };
}

async function stop(p: Proc, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once("exit", r));
  p.child.kill(signal);
  await exited;
}

async function signUp(baseURL: string): Promise<string> {
  const origin = new URL(baseURL).origin;
  const response = await fetch(`${baseURL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name: "Scale", email: uniqueEmail("scale"), password: "correct-horse-1" }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const plan = await fetch(`${baseURL}/api/v1/account/plan`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ plan: "business" }),
  });
  expect(plan.status).toBe(200);
  return cookie;
}

test("two web servers and two workers share one database; a worker killed half-way loses nothing", async () => {
  test.setTimeout(300_000);
  const base1 = test.info().project.use.baseURL!;
  const database = findRunningEmbeddedPostgres(path.join(root, ".e2e", "postgres"));
  expect(database, "the e2e server's embedded PostgreSQL").toBeDefined();
  const url = database!.url;
  const port2 = Number(new URL(base1).port) + 1;
  const base2 = `http://localhost:${port2}`;
  const shared = { DATABASE_URL: url, DATA_DIR: ".e2e", FAULT_INJECTION: "true" };
  const procs: Proc[] = [];
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const webTwo = start("serve.ts", { ...shared, PORT: String(port2), ENGINE_IN_PROCESS: "false" });
    const workers = [
      start("worker.ts", { ...shared, ENGINE_CONCURRENCY: "32" }),
      start("worker.ts", { ...shared, ENGINE_CONCURRENCY: "32" }),
    ];
    procs.push(webTwo, ...workers);
    await expect
      .poll(async () => (await fetch(`${base2}/api/health`).catch(() => undefined))?.status, { timeout: 60_000 })
      .toBe(200);

    // Four Business accounts, ten installs each, half through each web server; every fifth is production.
    const names: string[] = [];
    const cookies: string[] = [];
    const stamp = Date.now().toString(36);
    for (let a = 0; a < 4; a++) {
      const base = a % 2 === 0 ? base1 : base2;
      const cookie = await signUp(base);
      cookies.push(cookie);
      const submits = Array.from({ length: 10 }, async (_, i) => {
        const name = `so-${stamp}-${a}-${i}`;
        names.push(name);
        const production = i % 5 === 0;
        const response = await fetch(`${base}/api/v1/environments`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ name, region: "eu-central", ...(production ? { topology: "production" } : {}) }),
        });
        expect(response.status, await response.clone().text()).toBe(201);
      });
      await Promise.all(submits);
    }

    // The first account watches its ten installs live on web 1, from their very start.
    const watchedNames = names.filter((n) => n.startsWith(`so-${stamp}-0-`));
    const { rows: owner } = await db.query<{ email: string }>(
      `SELECT u.email FROM "user" u JOIN environment e ON e."userId" = u.id WHERE e.name = $1`,
      [watchedNames[0]],
    );
    const signIn = await fetch(`${base1}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: new URL(base1).origin, "x-forwarded-for": "192.0.2.77" },
      body: JSON.stringify({ email: owner[0]!.email, password: "correct-horse-1" }),
    });
    expect(signIn.status).toBe(200);
    const watcherCookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const abort = new AbortController();
    const feeds = new Map<string, { event: string; data: string }[]>();
    const readers = watchedNames.map(async (name) => {
      const messages: { event: string; data: string }[] = [];
      feeds.set(name, messages);
      const response = await fetch(`${base1}/api/environment-feed/${name}?lastEventId=0`, {
        headers: { cookie: watcherCookie },
        signal: abort.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) messages.push({ event, data });
          }
        }
      } catch {
        // aborted at the end
      }
    });

    // Half-way through the work, one worker dies without a chance to clean up.
    const victim = workers[0]!;
    const victimOwner = `worker:%:${victim.child.pid}`;
    await expect
      .poll(
        async () =>
          Number(
            (await db.query(`SELECT COUNT(*) AS n FROM environment_event WHERE type = 'step.succeeded'`)).rows[0].n,
          ),
        { timeout: 120_000 },
      )
      .toBeGreaterThan(300);
    const claimedByVictim = Number(
      (
        await db.query(
          `SELECT COUNT(*) AS n FROM environment_event WHERE type = 'step.running' AND data->>'runner' LIKE $1`,
          [victimOwner],
        )
      ).rows[0].n,
    );
    expect(claimedByVictim, "the worker to kill had taken part").toBeGreaterThan(0);
    await stop(victim, "SIGKILL");

    const statuses = async () =>
      (await db.query<{ status: string }>(`SELECT status FROM environment WHERE name = ANY($1)`, [names])).rows.map(
        (r) => r.status,
      );
    await expect
      .poll(async () => (await statuses()).filter((s) => s === "running").length, {
        timeout: 200_000,
        intervals: [1000],
      })
      .toBe(40);

    // Exactly the machines each plan names; every step succeeded once.
    const { rows: envs } = await db.query<{ id: string; plan: { totals: { nodes: number } } }>(
      `SELECT id, plan FROM environment WHERE name = ANY($1)`,
      [names],
    );
    for (const e of envs) {
      const machines = Number(
        (await db.query(`SELECT COUNT(*) AS n FROM sim_machine WHERE "environmentId" = $1`, [e.id])).rows[0].n,
      );
      expect(machines).toBe(e.plan.totals.nodes);
    }
    const twice = await db.query(
      `SELECT "operationId", "stepKey" FROM environment_event WHERE type = 'step.succeeded' AND "environmentId" = ANY($1) GROUP BY 1, 2 HAVING COUNT(*) > 1`,
      [envs.map((e) => e.id)],
    );
    expect(twice.rows).toEqual([]);
    const runners = (
      await db.query<{ runner: string }>(
        `SELECT DISTINCT data->>'runner' AS runner FROM environment_event WHERE type = 'step.running' AND "environmentId" = ANY($1)`,
        [envs.map((e) => e.id)],
      )
    ).rows.map((r) => r.runner);
    expect(runners.filter((r) => r.startsWith("worker:")).length).toBe(2);
    const takenOver = Number(
      (
        await db.query(
          `SELECT COUNT(*) AS n FROM environment_event WHERE message LIKE '%taken over%' AND "environmentId" = ANY($1)`,
          [envs.map((e) => e.id)],
        )
      ).rows[0].n,
    );
    expect(takenOver, "steps of the killed worker were taken over").toBeGreaterThan(0);

    // Every feed on web 1 followed its install to Running, and saw steps that ran on the workers.
    const finished = (name: string) =>
      feeds.get(name)!.some((m) => m.event === "snapshot" && JSON.parse(m.data).environment.status === "running");
    await expect.poll(() => watchedNames.every(finished), { timeout: 30_000 }).toBe(true);
    abort.abort();
    await Promise.all(readers);
    const { rows: workerSteps } = await db.query<{ name: string; stepKey: string }>(
      `SELECT e.name, ev."stepKey" FROM environment_event ev JOIN environment e ON e.id = ev."environmentId"
        WHERE e.name = ANY($1) AND ev.type = 'step.running' AND ev.data->>'runner' LIKE 'worker:%'`,
      [watchedNames],
    );
    const seenOnWebOne = workerSteps.filter(({ name, stepKey }) =>
      feeds
        .get(name)!
        .some(
          (m) =>
            m.event === "change" &&
            (JSON.parse(m.data) as { type: string; stepKey: string }).type === "step.succeeded" &&
            JSON.parse(m.data).stepKey === stepKey,
        ),
    );
    expect(workerSteps.length).toBeGreaterThan(0);
    expect(seenOnWebOne.length).toBe(workerSteps.length);

    const burst = Array.from({ length: 40 }, (_, i) =>
      fetch(`${base2}/api/v1/environments/so-${stamp}-1-${i % 10}`, { headers: { cookie: cookies[1]! } }).then(
        (r) => r.status,
        () => "refused" as const,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stop(webTwo);
    const answers = await Promise.all(burst);
    expect(
      answers.filter((a) => a !== 200 && a !== "refused"),
      webTwo.output.join(""),
    ).toEqual([]);
    expect(answers.filter((a) => a === 200).length).toBeGreaterThan(0);
    expect(webTwo.output.join("")).not.toContain("Cannot use a pool");
  } finally {
    await db.end();
    await Promise.all(procs.map((p) => stop(p)));
  }
});
