import type { QueryResult } from "pg";
import type { Pool } from "@/lib/db/pool";
import type { DnsAnswer, DnsResolver } from "@/lib/dns/dns-resolver";
import { clusterQuotaFor } from "@/lib/plan";
import type { ClaimedStep } from "./claim-steps";
import { createSecretState, createSecretStore } from "./create-secret-store";
import type { FactsCache } from "./facts-cache";
import { failOperation } from "./fail-operation";
import { parseFaults, type NamedFault } from "./faults";
import { finishOperation } from "./finish-operation";
import { seededRandom } from "./random";
import { createSim, forkSimModel, markSimModelSaved, type SimModel } from "./sim";
import { processSimStates, type SimStateCache } from "./sim-state-cache";
import { simulatedDnsResolver } from "./simulated-dns-resolver";
import type { StepContext, StepHandler, StepOutput } from "./step-context";
import { StepError, transientError, type StepFailure } from "./step-error";
import { engineTransaction, type EngineTx } from "./store/engine-transaction";
import { adoptSimState } from "./store/load-sim-state";
import { loadStepState } from "./store/load-step-state";
import { releaseDependents } from "./store/release-dependents";
import { saveSimState } from "./store/save-sim-state";
import { stepLockStatement, type StepLockRow } from "./store/step-lock-statement";
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
  /** The cache of environments' committed infrastructure (sim-state-cache.ts); the process's by default. */
  simCache?: SimStateCache;
  /**
   * The runner's cache of environments' settings and plan by version (facts-cache.ts); without one, every step
   * reads them.
   */
  factsCache?: FactsCache;
  /** Answers the names a handler `resolves` (DNS_RESOLVER); without one, the simulated zone. */
  dns?: DnsResolver;
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
  let committed: { version: number; model: SimModel } | undefined;
  const cache = opts.simCache ?? processSimStates;
  const outcome = await engineTransaction(
    pool,
    async (tx, opening) => {
      const loaded = await lockAndLoad(tx, opening!, claimed, opts.owner, cache, opts.factsCache);
      if (!loaded) return "lost";
      const { env, model, secrets, operationStatus, remaining, simVersion } = loaded;
      const faults = parseFaults(env.faults);
      // Seeded by what a person can name (not by generated ids), so the same install replays the same way.
      const random = seededRandom(`${env.name}:${claimed.operationType}:${claimed.key}:${claimed.attempt}`);
      const logs: { message: string; level: "info" | "warn" | "error" }[] = [];
      const handler = opts.handlers[claimed.name];
      const environment = {
        id: env.id,
        name: env.name,
        domain: env.domain,
        region: env.region,
        settings: env.settings,
        plan: env.plan,
      };
      const dns =
        opts.internalError === undefined
          ? await lookUp(handler, environment, opts.dns ?? simulatedDnsResolver, tx)
          : new Map<string, DnsAnswer>();
      const ctx: StepContext = {
        sim: createSim(model, opts.now, clusterQuotaFor(env.plan)),
        environment: {
          id: env.id,
          name: env.name,
          domain: env.domain,
          region: env.region,
          settings: env.settings,
          plan: env.plan,
        },
        operation: { id: claimed.operationId, type: claimed.operationType },
        step: {
          key: claimed.key,
          name: claimed.name,
          node: claimed.node ?? undefined,
          attempt: claimed.attempt,
          maxAttempts: claimed.maxAttempts,
        },
        now: opts.now,
        random,
        faults: new Set<NamedFault>(faults.named),
        secrets: createSecretStore(secrets, opts.encryptionKey),
        dns,
        log: (message, level = "info") => logs.push({ message, level }),
      };

      let output: StepOutput | void = undefined;
      let failure: StepFailure | undefined;
      try {
        if (opts.internalError !== undefined) throw new Error(opts.internalError);
        if (faults.transientFailureRate > 0 && random.next() < faults.transientFailureRate) {
          throw transientError(
            "injected-transient",
            "Connection reset by peer while talking to the node agent (injected fault).",
          );
        }
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
        tx.log({
          environmentId: env.id,
          operationId: claimed.operationId,
          stepKey: claimed.key,
          node: claimed.node,
          level,
          message,
          at: opts.now,
        });
      for (const l of logs) log(l.message, l.level);
      const held = { owner: opts.owner, attempt: claimed.attempt };
      const step = {
        entity: "step" as const,
        id: claimed.id,
        environmentId: env.id,
        from: "running" as const,
        lease: held,
      };
      const about = { operationId: claimed.operationId, stepKey: claimed.key };
      const released = { leaseOwner: null, leaseExpiresAt: null };

      if (!failure) {
        if (await saveSimState(tx, model, secrets, opts.now, about, simVersion + 1))
          committed = { version: simVersion + 1, model };
        await transition(
          tx,
          { ...step, to: "succeeded", set: { ...released, finishedAt: opts.now, output: output ?? {}, error: null } },
          {
            ...about,
            type: "step.succeeded",
            message: `${claimed.title}: done.`,
            data: { attempt: claimed.attempt },
          },
          opts.now,
        );
        releaseDependents(tx, claimed.operationId, claimed.dependents);
        if (remaining === 0 && operationStatus === "running") {
          await finishOperation(tx, claimed.operationId, opts.now, { stepName: claimed.name, output: output ?? {} });
        }
        return "succeeded";
      }

      log(failure.message, "error");
      const { retryInMs: _retry, actionIfGivenUp, ...reported } = failure;
      if (failure.transient && claimed.attempt < claimed.maxAttempts) {
        const waitMs = failure.retryInMs ?? opts.backoffMs(claimed.attempt);
        await transition(
          tx,
          {
            ...step,
            to: "retrying",
            set: { ...released, availableAt: new Date(opts.now.getTime() + opts.scale(waitMs)), error: reported },
          },
          {
            ...about,
            type: "step.retrying",
            message: `${claimed.title}: attempt ${claimed.attempt} of ${claimed.maxAttempts} failed (${failure.message}); retrying in ${Math.round(waitMs / 1000)} s.`,
            data: { attempt: claimed.attempt, maxAttempts: claimed.maxAttempts, backoffMs: waitMs, error: reported },
          },
          opts.now,
        );
        return "retrying";
      }

      const final: StepFailure = failure.transient
        ? {
            ...reported,
            transient: false,
            message: `${failure.message} (gave up after ${claimed.attempt} attempts)`,
            action: actionIfGivenUp ?? "Press Retry to try again from this step; if it fails again, contact support.",
          }
        : reported;
      await transition(
        tx,
        { ...step, to: "failed", set: { ...released, finishedAt: opts.now, error: final } },
        {
          ...about,
          type: "step.failed",
          message: `${claimed.title} failed: ${final.message}`,
          data: { attempt: claimed.attempt, error: final },
        },
        opts.now,
      );
      if (operationStatus === "running") {
        await failOperation(tx, {
          operationId: claimed.operationId,
          stepKey: claimed.key,
          stepTitle: claimed.title,
          failure: final,
          at: opts.now,
        });
      }
      return "failed";
    },
    {
      batched: true,
      opening: stepLockStatement(claimed, opts.factsCache?.heldVersion(claimed.environmentId) ?? null),
    },
  );
  if (committed) {
    markSimModelSaved(committed.model);
    cache.set(claimed.environmentId, committed.version, committed.model);
  }
  return outcome;
}

/**
 * The DNS answers a handler asked for, looked up inside the step's transaction (the simulated zone through its
 * connection; the system resolver bounded by its timeout), so that an attempt sees the zone as it commits.
 */
async function lookUp(
  handler: StepHandler | undefined,
  environment: StepContext["environment"],
  resolver: DnsResolver,
  tx: EngineTx,
): Promise<ReadonlyMap<string, DnsAnswer>> {
  const answers = new Map<string, DnsAnswer>();
  for (const name of handler?.resolves?.(environment) ?? []) {
    answers.set(name, await resolver.resolve(name, { environmentId: environment.id, client: tx.client }));
  }
  return answers;
}

type EnvironmentFacts = StepContext["environment"] & { faults: unknown };

/**
 * Checks what the lock statement returned — the lease still ours, the operation still running (or failed
 * meanwhile) — and completes it with what it could not read fresh, in a second statement begun once the locks
 * are held (under READ COMMITTED a statement sees the database as of its start): the infrastructure, unless
 * this runner's cached copy is the current version, and, for a step nothing depends on (only such a step can
 * be an operation's last), how many other steps are unfinished. Usually there is nothing to add. Undefined
 * when the lease is no longer ours or the operation stopped.
 */
async function lockAndLoad(
  tx: EngineTx,
  opening: QueryResult,
  claimed: ClaimedStep,
  owner: string,
  cache: SimStateCache,
  factsCache: FactsCache | undefined,
) {
  const lock = opening.rows[0] as StepLockRow;
  const self = lock.steps?.find((r) => r.id === claimed.id);
  if (!self || self.status !== "running" || self.leaseOwner !== owner || self.attempts !== claimed.attempt)
    return undefined;
  if (lock.operationStatus !== "running" && lock.operationStatus !== "failed") return undefined;
  const env = lock.env;
  const simVersion = Number(env.simVersion);

  // The cached committed state is forked (the handler changes its fork only); when another process (or the
  // cluster's API) wrote since, only what changed is read. The sink also needs the count of unfinished steps.
  const cached = cache.get(claimed.environmentId);
  const usable = cached !== undefined && cached.version === simVersion;
  const isSink = claimed.dependents.length === 0;
  let remaining = 1;
  let committed = usable ? { model: cached.model, secrets: createSecretState(lock.secrets) } : undefined;
  if (!usable || isSink) {
    const loaded = await loadStepState(tx, {
      operationId: claimed.operationId,
      stepId: claimed.id,
      environmentId: claimed.environmentId,
      since: cached?.version ?? -1,
    });
    remaining = isSink ? loaded.remaining : 1;
    committed ??= adoptSimState(claimed.environmentId, loaded.state, cached, cache);
  }

  const updatedAt = new Date(env.updatedAt);
  // Settings and plan change only when a day-2 request rewrites them (which also moves updatedAt): kept per version.
  let facts = factsCache?.get(claimed.environmentId, updatedAt);
  if (!facts || env.settings) {
    const { faults: _faults, updatedAt: _updated, simVersion: _sim, settings, plan, ...rest } = env;
    if (!settings || !plan) throw new Error(`Environment ${claimed.environmentId}: settings expected.`);
    facts = { ...rest, settings, plan };
    factsCache?.set(claimed.environmentId, updatedAt, facts);
  }
  return {
    env: { ...facts, faults: env.faults } as EnvironmentFacts,
    model: forkSimModel(committed!.model),
    secrets: committed!.secrets,
    operationStatus: lock.operationStatus,
    remaining,
    simVersion,
  };
}
