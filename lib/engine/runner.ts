import { randomUUID } from "node:crypto";
import { isConnectionError } from "@/lib/db/is-connection-error";
import type { Pool } from "@/lib/db/pool";
import type { DnsResolver } from "@/lib/dns/dns-resolver";
import { claimSteps, type ClaimedStep } from "./claim-steps";
import type { Clock } from "./clock";
import { executeStep, type StepOutcome } from "./execute-step";
import { createFactsCache } from "./facts-cache";
import { seededRandom } from "./random";
import type { StepHandler } from "./step-context";
import { nextWakeUp } from "./store/next-wake-up";
import { releaseLeases } from "./store/release-leases";

export type RunnerOptions = {
  pool: Pool;
  clock: Clock;
  handlers: Readonly<Record<string, StepHandler>>;
  encryptionKey: string;
  /** Identifies this runner in leases; unique per process. */
  owner?: string;
  /** Steps run at once by this runner. */
  concurrency?: number;
  /** Clock ms a lease outlives the step's expected duration before another runner may take the step over. */
  leaseMarginMs?: number;
  /** Clock ms between looks for work made ready by other processes. */
  pollMs?: number;
  /**
   * Real ms to wait after a step ends before claiming its successors, so that steps ending together are
   * claimed in one round (a claim is a transaction: one per step would cost more than the steps). 0 claims
   * at once (tests with a virtual clock, where any real wait would let virtual time run on).
   */
  gatherMs?: number;
  /** ± fraction of a step's estimated duration, drawn from a seeded random. */
  durationJitter?: number;
  /** Simulated ms of the first retry backoff; doubles per attempt, capped at 60 s. */
  backoffBaseMs?: number;
  /** Where steps resolve DNS names (the certificate manager's domain): DNS_RESOLVER; default the simulated zone. */
  dns?: DnsResolver;
  /** After each execution: `ms` is the whole execute-and-record transaction, handler included. */
  onOutcome?(step: ClaimedStep, outcome: StepOutcome, ms: number): void;
  /** After each claim round that claimed something. */
  onClaim?(count: number, ms: number): void;
  onError?(error: unknown): void;
};

export type Runner = {
  readonly owner: string;
  start(): void;
  /**
   * Stops claiming; steps still waiting out their simulated duration give their leases back (another runner
   * takes them over at once), steps being recorded finish. Resolves when nothing is in flight.
   */
  stop(): Promise<void>;
  /** Runs until no operation has work left that this runner could do (tests, benchmarks, scripts). */
  runUntilIdle(): Promise<void>;
};

/**
 * Drives ready steps: claim under a lease that covers the step's longest expected duration (claimSteps), wait
 * the step's simulated duration on the injected
 * clock, then run it and record the outcome atomically (executeStep). Several runners, in one process or
 * many, may share a database: claims skip rows another runner holds, so a step runs once; a runner that dies
 * loses its leases when they expire and another takes the steps over. When the database cannot be reached,
 * the runner backs off (up to 10 s between tries) and resumes; a step whose outcome could not be recorded is
 * recorded again — the lease check makes a second recording of the same attempt a no-op.
 */
export function createRunner(opts: RunnerOptions): Runner {
  const { pool, clock } = opts;
  const owner = opts.owner ?? `runner-${randomUUID()}`;
  const concurrency = opts.concurrency ?? 64;
  const leaseMarginMs = opts.leaseMarginMs ?? 30_000;
  const pollMs = opts.pollMs ?? 500;
  const jitter = opts.durationJitter ?? 0.1;
  const gatherMs = opts.gatherMs ?? 0;
  let lastTakeOver = 0;
  const backoffBaseMs = opts.backoffBaseMs ?? 5_000;
  let inFlight = 0;
  let stopping = false;
  let loopDone: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let dirty = false;
  let failures = 0;
  /** Steps waiting out their duration, and how to cut that wait short when stopping. */
  const waiting = new Map<string, () => void>();

  const signal = () => {
    dirty = true;
    wake?.();
  };

  const backoffMs = (n: number) => Math.min(60_000, backoffBaseMs * 2 ** (n - 1));
  const factsCache = createFactsCache();

  /**
   * Steps of one environment record one at a time in this process. The database serializes them anyway (its
   * advisory lock); waiting here instead keeps a step from holding a pooled connection while it waits there.
   */
  const recording = new Map<string, Promise<void>>();
  const oneAtATime = (environmentId: string, work: () => Promise<void>): Promise<void> => {
    const previous = recording.get(environmentId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    recording.set(environmentId, settled);
    void settled.then(() => {
      if (recording.get(environmentId) === settled) recording.delete(environmentId);
    });
    return next;
  };

  const record = (step: ClaimedStep): Promise<void> => oneAtATime(step.environmentId, () => recordNow(step));

  const recordNow = async (step: ClaimedStep): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        const outcome = await clock.busy(
          executeStep(pool, step, {
            handlers: opts.handlers,
            owner,
            now: clock.now(),
            encryptionKey: opts.encryptionKey,
            backoffMs,
            scale: clock.scale,
            factsCache,
            ...(opts.dns ? { dns: opts.dns } : {}),
          }),
        );
        opts.onOutcome?.(step, outcome, performance.now() - started);
        return;
      } catch (e) {
        opts.onError?.(e);
        if (!isConnectionError(e)) {
          // Not the network: recording this attempt fails by itself. Record it as a failed attempt instead
          // (retried, then failed visibly) rather than letting the step be taken over again and again.
          const message = e instanceof Error ? e.message : String(e);
          await clock.busy(
            executeStep(pool, step, {
              handlers: opts.handlers,
              owner,
              now: clock.now(),
              encryptionKey: opts.encryptionKey,
              backoffMs,
              scale: clock.scale,
              internalError: message,
              factsCache,
            }),
          );
          return;
        }
        // Lost connection: try again while we may still hold the lease; otherwise it expires and another takes over.
        if (attempt >= 6) throw e;
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** (attempt - 1))));
      }
    }
  };

  const runOne = async (step: ClaimedStep) => {
    try {
      const r = seededRandom(`${step.id}:${step.attempt}:duration`);
      const simulatedMs = Math.round(step.estimatedMs * (1 + jitter * (2 * r.next() - 1)));
      const waitMs = clock.scale(simulatedMs);
      const interrupted = await new Promise<boolean>((resolve) => {
        waiting.set(step.id, () => resolve(true));
        void clock.sleep(waitMs).then(() => resolve(false));
      });
      waiting.delete(step.id);
      if (interrupted) return;
      await record(step);
    } catch (e) {
      opts.onError?.(e);
    } finally {
      inFlight -= 1;
      signal();
    }
  };

  const claimRound = async (): Promise<number> => {
    const free = concurrency - inFlight;
    if (free <= 0 || stopping) return 0;
    const started = performance.now();
    // Steps of dead runners are looked for once per poll interval, not on every round.
    const now = clock.now();
    const takeOver = now.getTime() - lastTakeOver >= pollMs;
    if (takeOver) lastTakeOver = now.getTime();
    const claimed = await clock.busy(
      claimSteps(pool, {
        owner,
        now,
        leaseMs: leaseMarginMs,
        leasePerEstimatedMs: (clock.scale(1000) / 1000) * (1 + jitter),
        limit: free,
        takeOver,
      }),
    );
    if (claimed.length > 0) opts.onClaim?.(claimed.length, performance.now() - started);
    for (const step of claimed) {
      inFlight += 1;
      void runOne(step);
    }
    return claimed.length;
  };

  const waitForWork = async (ms: number) => {
    if (!dirty) {
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), clock.sleep(ms)]);
      wake = undefined;
    }
    if (dirty && gatherMs > 0) await new Promise((r) => setTimeout(r, gatherMs));
    dirty = false;
  };

  /** One claim round; a database that cannot be reached makes the next round wait longer (up to 10 s). */
  const guardedRound = async (): Promise<number> => {
    try {
      const n = await claimRound();
      failures = 0;
      return n;
    } catch (e) {
      failures += 1;
      opts.onError?.(e);
      await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** Math.min(failures, 6))));
      return 0;
    }
  };

  const loop = async () => {
    while (!stopping) {
      await guardedRound();
      if (!stopping) await waitForWork(pollMs);
    }
  };

  return {
    owner,
    start() {
      loopDone ??= loop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loopDone;
      const given = [...waiting.keys()];
      for (const interrupt of [...waiting.values()]) interrupt();
      try {
        await releaseLeases(pool, given, owner, clock.now());
      } catch (e) {
        opts.onError?.(e);
      }
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
    },
    async runUntilIdle() {
      for (;;) {
        const claimed = await guardedRound();
        if (claimed === 0 && inFlight === 0) {
          const next = await clock.busy(nextWakeUp(pool));
          if (next === undefined) return;
          // What is due may be another runner's expired lease: look for those on the next round.
          lastTakeOver = Number.NEGATIVE_INFINITY;
          await clock.sleep(Math.max(0, next.getTime() - clock.now().getTime()) + 1);
          continue;
        }
        await waitForWork(pollMs);
      }
    },
  };
}
