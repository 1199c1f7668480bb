import type { Pool } from "@/lib/db/pool";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import type { ClaimedStep } from "./claim-steps";
import { createSecretStore, markSecretsSaved, type SecretState } from "./create-secret-store";
import { failOperation } from "./fail-operation";
import { parseFaults, type NamedFault } from "./faults";
import { finishOperation } from "./finish-operation";
import { seededRandom } from "./random";
import { createSim, hasSimChanges, markSimModelSaved, type SimModel } from "./sim";
import type { SimCache } from "./sim-cache";
import type { StepContext, StepHandler, StepOutput } from "./step-context";
import { StepError, transientError, type StepFailure } from "./step-error";
import { engineTransaction, type EngineTx } from "./store/engine-transaction";
import { saveSimState, simStateFrom, simStateSelect, type SimStateJson } from "./store/sim-store";
import { transition } from "./store/transition";

export type StepOutcome = "succeeded" | "retrying" | "failed" | "lost";

export type ExecuteOptions = {
  handlers: Readonly<Record<string, StepHandler>>;
  owner: string;
  now: Date;
  encryptionKey: string;
  /** Simulated ms of backoff before retry `attempt + 1`. */
  backoffMs(attempt: number): number;
  /** Converts simulated ms to the clock's ms (see Clock.scale). */
  scale(simulatedMs: number): number;
  /**
   * Records the attempt as failed with this platform error instead of running the handler: for an attempt
   * whose recording itself failed (a bug), so that the step is retried and finally fails visibly rather than
   * being taken over forever.
   */
  internalError?: string;
  /** The runner's cache of environments' infrastructure (sim-cache.ts); without one, every step loads it. */
  simCache?: SimCache;
};

/**
 * Runs one claimed step and records its outcome in ONE transaction: the handler's effects on the simulated
 * infrastructure, its log lines, the step's new state, its dependents' readiness and, when it was the last
 * step, the operation's end. Locks are taken in the store's order — the step and its dependents, the
 * operation, the environment — and the step's lease is checked under its lock: if this runner no longer holds
 * it (taken over, cancelled), nothing is written and the outcome is "lost". The handler works on an
 * in-memory copy of the environment's infrastructure, loaded under the environment's lock and written back
 * only when it succeeds, so a failed attempt leaves no effect.
 */
export async function executeStep(pool: Pool, claimed: ClaimedStep, opts: ExecuteOptions): Promise<StepOutcome> {
  let committed: { version: number; model: SimModel; secrets: SecretState } | undefined;
  try {
    const outcome = await engineTransaction(
    pool,
    async (tx) => {
      const loaded = await lockAndLoad(tx, claimed, opts.owner, opts.simCache);
      if (!loaded) return "lost";
      const { env, model, secrets, operationStatus, remaining, simVersion } = loaded;
      // Until this commits, the cached copy (which the handler changes in place) is not to be trusted.
      opts.simCache?.drop(claimed.environmentId);
      const faults = parseFaults(env.faults);
    // Seeded by what a person can name (not by generated ids), so the same install replays the same way.
    const random = seededRandom(`${env.name}:${claimed.operationType}:${claimed.key}:${claimed.attempt}`);
    const logs: { message: string; level: "info" | "warn" | "error" }[] = [];
    const ctx: StepContext = {
      sim: createSim(model, opts.now),
      environment: { id: env.id, name: env.name, domain: env.domain, region: env.region, settings: env.settings, plan: env.plan },
      operation: { id: claimed.operationId, type: claimed.operationType },
      step: { key: claimed.key, name: claimed.name, node: claimed.node ?? undefined, attempt: claimed.attempt, maxAttempts: claimed.maxAttempts },
      now: opts.now,
      random,
      faults: new Set<NamedFault>(faults.named),
      secrets: createSecretStore(secrets, opts.encryptionKey),
      log: (message, level = "info") => logs.push({ message, level }),
    };

    let output: StepOutput | void = undefined;
    let failure: StepFailure | undefined;
    try {
      if (opts.internalError !== undefined) throw new Error(opts.internalError);
      if (faults.transientFailureRate > 0 && random.next() < faults.transientFailureRate) {
        throw transientError("injected-transient", "Connection reset by peer while talking to the node agent (injected fault).");
      }
      const handler = opts.handlers[claimed.name];
      if (!handler) throw new Error(`No handler for step "${claimed.name}".`);
      output = handler(ctx);
    } catch (e) {
      failure =
        e instanceof StepError
          ? e.failure
          : {
              code: "internal",
              message: `Unexpected error in ${claimed.title}: ${(e as Error).message}`,
              transient: true,
              fixableBy: "platform",
              action: "Retried automatically; if it keeps failing, contact support.",
            };
    }

    const log = (message: string, level: "info" | "warn" | "error") =>
      tx.log({ environmentId: env.id, operationId: claimed.operationId, stepKey: claimed.key, node: claimed.node, level, message, at: opts.now });
    for (const l of logs) log(l.message, l.level);
    const held = { owner: opts.owner, attempt: claimed.attempt };
    const step = { entity: "step" as const, id: claimed.id, environmentId: env.id, from: "running" as const, lease: held };
    const about = { operationId: claimed.operationId, stepKey: claimed.key };
    const released = { leaseOwner: null, leaseExpiresAt: null };

    if (!failure) {
      const changed = hasSimChanges(model) || secrets.written.size + secrets.deleted.size > 0;
      await saveSimState(tx, model, secrets, opts.now, about);
      committed = { version: simVersion + (changed ? 1 : 0), model, secrets };
      await transition(
        tx,
        { ...step, to: "succeeded", set: { ...released, finishedAt: opts.now, output: output ?? {}, error: null } },
        { ...about, type: "step.succeeded", message: `${claimed.title}: done.`, data: { attempt: claimed.attempt } },
        opts.now,
      );
      if (claimed.dependents.length > 0) {
        const batch = tx.batch!;
        batch.add(
          `UPDATE step SET "pendingDeps" = "pendingDeps" - 1 WHERE "operationId" = ${batch.param(claimed.operationId)} AND key = ANY(${batch.param(claimed.dependents)}::text[]) RETURNING 1`,
          claimed.dependents.length,
        );
      }
      if (remaining === 1 && operationStatus === "running") {
        await finishOperation(tx, claimed.operationId, opts.now, { stepName: claimed.name, output: output ?? {} });
      }
      return "succeeded";
    }

    log(failure.message, "error");
    if (failure.transient && claimed.attempt < claimed.maxAttempts) {
      const waitMs = opts.backoffMs(claimed.attempt);
      await transition(
        tx,
        { ...step, to: "retrying", set: { ...released, availableAt: new Date(opts.now.getTime() + opts.scale(waitMs)), error: failure } },
        {
          ...about,
          type: "step.retrying",
          message: `${claimed.title}: attempt ${claimed.attempt} of ${claimed.maxAttempts} failed (${failure.message}); retrying in ${Math.round(waitMs / 1000)} s.`,
          data: { attempt: claimed.attempt, maxAttempts: claimed.maxAttempts, backoffMs: waitMs, error: failure },
        },
        opts.now,
      );
      return "retrying";
    }

    const final: StepFailure = failure.transient
      ? {
          ...failure,
          transient: false,
          message: `${failure.message} (gave up after ${claimed.attempt} attempts)`,
          action: "Press Retry to try again from this step; if it fails again, contact support.",
        }
      : failure;
    await transition(
      tx,
      { ...step, to: "failed", set: { ...released, finishedAt: opts.now, error: final } },
      { ...about, type: "step.failed", message: `${claimed.title} failed: ${final.message}`, data: { attempt: claimed.attempt, error: final } },
      opts.now,
    );
    if (operationStatus === "running") {
      await failOperation(tx, { operationId: claimed.operationId, stepKey: claimed.key, stepTitle: claimed.title, failure: final, at: opts.now });
    }
    return "failed";
    },
    { batched: true },
  );
    if (committed && opts.simCache) {
      markSimModelSaved(committed.model);
      markSecretsSaved(committed.secrets);
      opts.simCache.set(claimed.environmentId, committed);
    }
    return outcome;
  } catch (e) {
    opts.simCache?.drop(claimed.environmentId);
    throw e;
  }
}

type EnvironmentFacts = StepContext["environment"] & { faults: unknown };

/**
 * Settings and plan change only when a day-2 request rewrites them (which also moves updatedAt), so each
 * environment's are fetched and kept once per version and process.
 */
const parsed = new Map<string, Omit<EnvironmentFacts, "faults">>();

/**
 * Takes the step's locks in the store's order — the step and its dependents, the operation, then the
 * environment's advisory lock, which serializes its steps (its row stays unlocked: claims and other writers
 * only take it briefly to number their events, and FK checks of inserts never wait for a running step) — and
 * checks the lease. Then, with the locks held, a second statement reads what the handler needs: under READ
 * COMMITTED a statement sees the database as it was when it began, and the first one may have waited for the
 * commits the second must see. It reads the environment's facts (settings and plan only when this process does
 * not hold their current version), how many of the operation's steps are unfinished, and the infrastructure
 * unless this process's cached copy is current. Undefined when the lease is no longer ours or the operation
 * stopped.
 */
async function lockAndLoad(tx: EngineTx, claimed: ClaimedStep, owner: string, cache: SimCache | undefined) {
  const locked = await tx.client.query<{ steps: { id: string; status: string; leaseOwner: string | null; attempts: number }[]; operationStatus: string | null }>({
    // Prepared once per connection: the same text runs for every step.
    name: "engine-lock-step",
    text: `WITH s AS (SELECT id, status, "leaseOwner", attempts FROM step WHERE "operationId" = $1 AND (id = $2 OR key = ANY($3::text[])) ORDER BY id FOR UPDATE),
          o AS (SELECT status FROM operation WHERE id = $1 FOR UPDATE),
          a AS (SELECT pg_advisory_xact_lock(hashtextextended($4, 0)))
     SELECT (SELECT json_agg(s) FROM s) AS steps, (SELECT status FROM o) AS "operationStatus", (SELECT COUNT(*) FROM a) AS locked`,
    values: [claimed.operationId, claimed.id, claimed.dependents, claimed.environmentId],
  });
  const lock = locked.rows[0]!;
  const self = lock.steps?.find((r) => r.id === claimed.id);
  if (!self || self.status !== "running" || self.leaseOwner !== owner || self.attempts !== claimed.attempt) return undefined;
  if (lock.operationStatus !== "running" && lock.operationStatus !== "failed") return undefined;

  // A step of this process that used the cached copy may have failed while we waited for the lock (it changed
  // the copy in place, then dropped it from the cache): only a copy still in the cache, of the current
  // version, is used.
  const cached = cache?.get(claimed.environmentId);
  const { rows } = await tx.client.query<{
    env: { id: string; name: string; domain: string; region: string; faults: unknown; updatedAt: string; simVersion: number; settings: InstallSettings | null; plan: EnvironmentPlan | null };
    remaining: number;
    state: SimStateJson | null;
  }>({
    name: "engine-load-step",
    text: `SELECT json_build_object('id', id, 'name', name, 'domain', domain, 'region', region, 'faults', faults, 'updatedAt', "updatedAt",
                   'simVersion', "simVersion",
                   'settings', CASE WHEN "updatedAt" = $3::timestamptz THEN NULL ELSE settings END,
                   'plan', CASE WHEN "updatedAt" = $3::timestamptz THEN NULL ELSE plan END) AS env,
                (SELECT COUNT(*)::int FROM step WHERE "operationId" = $1 AND status <> 'succeeded') AS remaining,
                CASE WHEN "simVersion" = $4::bigint THEN NULL ELSE ${simStateSelect("$2")} END AS state
           FROM environment WHERE id = $2`,
    values: [claimed.operationId, claimed.environmentId, cachedVersion(claimed.environmentId), cached?.version ?? null],
  });
  const { env, remaining, state } = rows[0]!;
  const updatedAt = new Date(env.updatedAt);
  const version = `${claimed.environmentId}@${updatedAt.toISOString()}`;
  let facts = parsed.get(version);
  if (!facts || env.settings) {
    const { faults: _faults, updatedAt: _updated, simVersion: _sim, settings, plan, ...rest } = env;
    if (!settings || !plan) throw new Error(`Environment ${claimed.environmentId}: settings expected.`);
    facts = { ...rest, settings, plan };
    if (parsed.size >= 5000) parsed.delete(parsed.keys().next().value!);
    parsed.set(version, facts);
    versions.set(claimed.environmentId, updatedAt);
  }
  const { model, secrets } = state ? simStateFrom(claimed.environmentId, state) : cached!;
  return { env: { ...facts, faults: env.faults } as EnvironmentFacts, model, secrets, operationStatus: lock.operationStatus, remaining, simVersion: Number(env.simVersion) };
}

/** The version of each environment's settings this process holds, so the lock query can skip sending them. */
const versions = new Map<string, Date>();

function cachedVersion(environmentId: string): Date | null {
  const at = versions.get(environmentId);
  return at && parsed.has(`${environmentId}@${at.toISOString()}`) ? at : null;
}
