import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findAccountPlan } from "@/lib/catalog";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import { createSystemResolver, type SystemLookups } from "@/lib/dns/create-system-resolver";
import type { DnsResolver } from "@/lib/dns/dns-resolver";
import {
  createRunner,
  findMachineIds,
  findRegistryCredentials,
  ingressAddressFor,
  requestChange,
  requestRetry,
  stepHandlers,
  virtualClock,
  type ClaimedStep,
  type EnvironmentResults,
  type StepOutcome,
} from "@/lib/engine";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { changeActions } from "./index";

/**
 * The certificate manager issues a certificate only for a domain that resolves to the cluster's ingress address:
 * on the engine with a virtual clock and a real database, through the simulated zone (dns_record) by default and
 * through an injected system resolver.
 */
const key = crypto.randomBytes(32).toString("base64");
let db: TestDatabase;
let userId: string;
let clock: ReturnType<typeof virtualClock>;

beforeEach(async () => {
  db = await createTestDatabase({ max: 20 });
  userId = await insertTestUser(db.pool);
  clock = virtualClock();
});
afterEach(() => db.cleanup());

const { one, all } = queryHelpers(() => db.pool);
const request = {
  get actorId() {
    return userId;
  },
  get now() {
    return clock.now();
  },
};

type Hook = (step: ClaimedStep, outcome: StepOutcome) => Promise<unknown> | void;
/** Runs until idle; `hook` runs after each outcome of the certificate step, counted as busy by the virtual clock. */
const run = (opts: { hook?: Hook; dns?: DnsResolver } = {}) =>
  createRunner({
    pool: db.pool,
    clock,
    handlers: stepHandlers,
    encryptionKey: key,
    concurrency: 16,
    ...(opts.dns ? { dns: opts.dns } : {}),
    onOutcome: (step, outcome) => {
      const work = step.name === "issue-certificate" ? opts.hook?.(step, outcome) : undefined;
      if (work instanceof Promise) void clock.busy(work);
    },
  }).runUntilIdle();

type Row = {
  status: string;
  settings: InstallSettings;
  plan: EnvironmentPlan;
  results: EnvironmentResults | null;
  domain: string;
};
const environment = (id: string) =>
  one<Row>(`SELECT status, settings, plan, results, domain FROM environment WHERE id = $1`, id);
const certificateStep = (id: string) =>
  one<{
    status: string;
    attempts: number;
    maxAttempts: number;
    error: { message: string; action: string; fixableBy: string; transient: boolean } | null;
  }>(
    `SELECT s.status, s.attempts, s."maxAttempts", s.error FROM step s JOIN operation o ON o.id = s."operationId" WHERE o."environmentId" = $1 AND s.key = 'issue-certificate' ORDER BY o.seq DESC LIMIT 1`,
    id,
  );
const newestOperation = (id: string) =>
  one<{ status: string; error: { stepKey: string; message: string; fixableBy: string; action: string } | null }>(
    `SELECT status, error FROM operation WHERE "environmentId" = $1 ORDER BY seq DESC LIMIT 1`,
    id,
  );
const retryMessages = async (id: string) =>
  (
    await all<{ message: string }>(
      `SELECT message FROM environment_event WHERE "environmentId" = $1 AND type = 'step.retrying' AND "stepKey" = 'issue-certificate' ORDER BY seq`,
      id,
    )
  ).map((e) => e.message);

const record = (name: string, type: "A" | "AAAA" | "CNAME", value: string, owner = userId) =>
  db.pool.query(`INSERT INTO dns_record (id, "userId", name, type, value) VALUES ($1, $2, $3, $4, $5)`, [
    crypto.randomUUID(),
    owner,
    name,
    type,
    value,
  ]);
const clearRecords = (name: string) => db.pool.query(`DELETE FROM dns_record WHERE name = $1`, [name]);

async function installed(name = "shop") {
  const { environmentId } = await insertTestEnvironment(db.pool, { userId, name, now: clock.now() });
  await run();
  expect((await environment(environmentId)).status).toBe("running");
  return environmentId;
}

async function requestCertificate(environmentId: string, domain: string) {
  const row = await environment(environmentId);
  const prepared = changeActions.certificate(
    {
      settings: row.settings,
      plan: row.plan,
      quota: { plan: findAccountPlan("business")!, environmentsInUse: 0 },
      machineIds: await findMachineIds(db.pool, environmentId),
      registry: await findRegistryCredentials(db.pool, environmentId),
    },
    { domain },
  );
  await requestChange(db.pool, { environmentId, actorId: userId, now: clock.now(), ...prepared, encryptionKey: key });
}

describe("a certificate is issued only for a domain that resolves to the cluster", () => {
  it("waits while the zone has no record, then a wrong one, saying which record to create; issued once the record appears", async () => {
    const id = await installed();
    const ingress = ingressAddressFor(id);
    const { domain: clusterDomain } = await environment(id);
    await requestCertificate(id, "app.example.com");
    const seenWhileWaiting: Awaited<ReturnType<typeof certificateStep>>[] = [];
    await run({
      hook: async (step, outcome) => {
        if (outcome !== "retrying") return;
        seenWhileWaiting.push(await certificateStep(id));
        if (step.attempt === 1) await record("app.example.com", "A", "203.0.113.9");
        if (step.attempt === 2) {
          await clearRecords("app.example.com");
          await record("app.example.com", "A", ingress);
        }
      },
    });

    expect(await retryMessages(id)).toEqual([
      `Issue a certificate for app.example.com: attempt 1 of 16 failed (app.example.com does not resolve to this cluster (it does not resolve). Create an A record app.example.com → ${ingress} (the cluster's ingress address) or a CNAME app.example.com → ${clusterDomain}; then it is issued automatically.); retrying in 15 s.`,
      `Issue a certificate for app.example.com: attempt 2 of 16 failed (app.example.com does not resolve to this cluster (it resolves to 203.0.113.9). Create an A record app.example.com → ${ingress} (the cluster's ingress address) or a CNAME app.example.com → ${clusterDomain} in its place; then it is issued automatically.); retrying in 30 s.`,
    ]);
    // While it waits, the step (which the status page and API v1 show) carries the reason and who can act.
    expect(seenWhileWaiting.map((s) => [s.status, s.error?.fixableBy, s.error?.transient])).toEqual([
      ["retrying", "user", true],
      ["retrying", "user", true],
    ]);
    expect(seenWhileWaiting[0]!.error!.action).toBe(
      "Create the record; the domain is looked up again in 15 s (15 more times, about an hour in all).",
    );

    expect(await newestOperation(id)).toMatchObject({ status: "succeeded" });
    const row = await environment(id);
    expect(row.results!.endpoints.custom).toBe("https://app.example.com/");
    expect(row.results!.health.find((h) => h.component === "Certificate")).toMatchObject({
      status: "OK",
      detail: expect.stringMatching(/^app\.example\.com: Ready, valid until/),
    });
    const logs = (
      await all<{ message: string }>(
        `SELECT message FROM log_line WHERE "environmentId" = $1 AND "stepKey" = 'issue-certificate' ORDER BY seq`,
        id,
      )
    ).map((l) => l.message);
    expect(logs).toContain(`[dns] app.example.com: resolves to ${ingress}, this cluster's ingress address`);
  });

  it("follows CNAMEs to the cluster's own name; an address elsewhere beside the right one still waits", async () => {
    const id = await installed();
    const ingress = ingressAddressFor(id);
    const { domain: clusterDomain } = await environment(id);
    await record("www.example.com", "A", ingress);
    await record("www.example.com", "AAAA", "2001:db8::9");
    await requestCertificate(id, "www.example.com");
    await run({
      hook: async (_step, outcome) => {
        if (outcome !== "retrying") return;
        await clearRecords("www.example.com");
        await record("www.example.com", "CNAME", "edge.example.net");
        await record("edge.example.net", "CNAME", clusterDomain);
      },
    });
    expect((await retryMessages(id))[0]).toContain(
      `www.example.com resolves to this cluster but also to 2001:db8::9, which Let's Encrypt may check instead. Remove the records pointing elsewhere, keeping www.example.com → ${ingress}`,
    );
    expect(await newestOperation(id)).toMatchObject({ status: "succeeded" });
    const logs = (
      await all<{ message: string }>(
        `SELECT message FROM log_line WHERE "environmentId" = $1 AND "stepKey" = 'issue-certificate' ORDER BY seq`,
        id,
      )
    ).map((l) => l.message);
    expect(logs).toContain(
      `[dns] www.example.com: CNAME edge.example.net → ${clusterDomain}, resolves to ${ingress}, this cluster's ingress address`,
    );
  });

  it("another account's records and another cluster's address do not count", async () => {
    const id = await installed();
    const other = await installed("other");
    const stranger = await insertTestUser(db.pool, "user-2");
    await record("app.example.com", "A", ingressAddressFor(id), stranger);
    await record("app.example.com", "A", ingressAddressFor(other));
    await requestCertificate(id, "app.example.com");
    await run();
    const failed = await newestOperation(id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatchObject({ stepKey: "issue-certificate", fixableBy: "user" });
    expect(failed.error!.message).toContain(
      `app.example.com does not resolve to this cluster (it resolves to ${ingressAddressFor(other)})`,
    );
    expect(
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM sim_object WHERE "environmentId" = $1 AND kind = 'Certificate'`,
        id,
      ),
    ).toEqual({ n: 0 });
  });

  it("gives up after about an hour, the cluster running; Retry after the record is created issues it", async () => {
    const id = await installed();
    await requestCertificate(id, "app.example.com");
    await run();
    // Looked up 16 times, waiting 15 s, 30 s, 1, 2, 4 minutes, then 5 minutes between looks: 57¾ minutes of waits.
    const waits = await all<{ ms: number }>(
      `SELECT (data->>'backoffMs')::int AS ms FROM environment_event WHERE "environmentId" = $1 AND type = 'step.retrying' ORDER BY seq`,
      id,
    );
    expect(waits.map((w) => w.ms / 1000)).toEqual([15, 30, 60, 120, 240, ...Array<number>(10).fill(300)]);
    expect((await environment(id)).status).toBe("running");
    const failed = await newestOperation(id);
    expect(failed).toMatchObject({ status: "failed", error: { stepKey: "issue-certificate", fixableBy: "user" } });
    expect(failed.error!.message).toMatch(/does not resolve to this cluster .* \(gave up after 16 attempts\)$/);
    expect(failed.error!.action).toBe(
      `Create an A record app.example.com → ${ingressAddressFor(id)} or a CNAME app.example.com → ${(await environment(id)).domain} at your DNS provider, then press Retry: the domain is looked up again for another hour.`,
    );

    await record("app.example.com", "A", ingressAddressFor(id));
    await requestRetry(db.pool, { environmentId: id, ...request });
    await run();
    expect(await newestOperation(id)).toMatchObject({ status: "succeeded" });
    expect((await environment(id)).results!.endpoints.custom).toBe("https://app.example.com/");
  });

  it("with the system resolver (injected), the simulated zone is not consulted and the answer decides", async () => {
    const id = await installed();
    const ingress = ingressAddressFor(id);
    await record("app.example.com", "A", ingress);
    let published = false;
    const notFound = () => Promise.reject(Object.assign(new Error("queryA ENOTFOUND"), { code: "ENOTFOUND" }));
    const lookups: SystemLookups = {
      resolveCname: () => notFound(),
      resolve4: (name: string) => (published && name === "app.example.com" ? Promise.resolve([ingress]) : notFound()),
      resolve6: () => Promise.reject(Object.assign(new Error("queryAaaa ENODATA"), { code: "ENODATA" })),
      cancel: () => undefined,
    } as unknown as SystemLookups;
    await requestCertificate(id, "app.example.com");
    await run({
      dns: createSystemResolver({ lookups }),
      hook: (_step, outcome) => {
        if (outcome === "retrying") published = true;
      },
    });
    expect((await retryMessages(id))[0]).toContain(
      "app.example.com does not resolve to this cluster (it does not resolve)",
    );
    expect(await newestOperation(id)).toMatchObject({ status: "succeeded" });
  });
});
