import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { claimSteps, type ClaimedStep } from "./claim-steps";
import type { Clock } from "./clock";
import { executeStep, type StepOutcome } from "./execute-step";
import { extendLease } from "./extend-lease";
import { seededRandom } from "./random";
import type { StepHandler } from "./step-context";

export type RunnerOptions = {
  conn: Database.Database;
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
  /** ± fraction of a step's estimated duration, drawn from a seeded random. */
  durationJitter?: number;
  /** Simulated ms of the first retry backoff; doubles per attempt, capped at 60 s. */
  backoffBaseMs?: number;
  /** After each execution: `ms` is the whole execute-and-record transaction, handler included. */
  onOutcome?(step: ClaimedStep, outcome: StepOutcome, ms: number): void;
  /** After each claim round that claimed something. */
  onClaim?(count: number, ms: number): void;
  onError?(error: unknown): void;
  /** Real ms between WAL checkpoints run by this runner (0: leave checkpoints to SQLite). */
  checkpointEveryMs?: number;
};

export type Runner = {
  readonly owner: string;
  start(): void;
  /** Stops claiming and waits for the steps in flight. */
  stop(): Promise<void>;
  /** Runs until no operation has work left that this runner could do (tests, benchmarks, scripts). */
  runUntilIdle(): Promise<void>;
};

/**
 * Drives ready steps: claim under a lease (claimSteps), wait the step's simulated duration on the injected
 * clock, then run it and record the outcome atomically (executeStep). Several runners, in one process or
 * many, may share a database: claims are compare-and-set, so a step runs once; a runner that dies loses its
 * leases when they expire and another takes the steps over.
 */
export function createRunner(opts: RunnerOptions): Runner {
  const { conn, clock } = opts;
  const owner = opts.owner ?? `runner-${randomUUID()}`;
  const concurrency = opts.concurrency ?? 64;
  const leaseMarginMs = opts.leaseMarginMs ?? 30_000;
  const pollMs = opts.pollMs ?? 500;
  const jitter = opts.durationJitter ?? 0.1;
  const backoffBaseMs = opts.backoffBaseMs ?? 5_000;
  let inFlight = 0;
  let stopping = false;
  let loopDone: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let dirty = false;
  let checkpointer: NodeJS.Timeout | undefined;
  const checkpointEveryMs = opts.checkpointEveryMs ?? 1000;

  // SQLite checkpoints its WAL inside whichever commit crosses the threshold, adding milliseconds to that
  // step's transaction. The runner checkpoints on a timer instead, between transactions.
  const startCheckpointing = () => {
    if (checkpointer || checkpointEveryMs <= 0) return;
    conn.pragma("wal_autocheckpoint = 0");
    checkpointer = setInterval(() => {
      try {
        conn.pragma("wal_checkpoint(PASSIVE)");
      } catch (e) {
        opts.onError?.(e);
      }
    }, checkpointEveryMs);
    checkpointer.unref();
  };
  const stopCheckpointing = () => {
    if (!checkpointer) return;
    clearInterval(checkpointer);
    checkpointer = undefined;
    conn.pragma("wal_autocheckpoint = 1000");
  };

  const signal = () => {
    dirty = true;
    wake?.();
  };

  const runOne = async (step: ClaimedStep) => {
    try {
      const r = seededRandom(`${step.id}:${step.attempt}:duration`);
      const simulatedMs = Math.round(step.estimatedMs * (1 + jitter * (2 * r.next() - 1)));
      const waitMs = clock.scale(simulatedMs);
      if (!extendLease(conn, step.id, owner, new Date(clock.now().getTime() + waitMs + leaseMarginMs))) return;
      await clock.sleep(waitMs);
      const started = performance.now();
      const outcome = executeStep(conn, step, {
        handlers: opts.handlers,
        owner,
        now: clock.now(),
        encryptionKey: opts.encryptionKey,
        backoffMs: (attempt) => Math.min(60_000, backoffBaseMs * 2 ** (attempt - 1)),
        scale: clock.scale,
      });
      opts.onOutcome?.(step, outcome, performance.now() - started);
    } catch (e) {
      opts.onError?.(e);
    } finally {
      inFlight -= 1;
      signal();
    }
  };

  const claimRound = (): number => {
    const free = concurrency - inFlight;
    if (free <= 0) return 0;
    const started = performance.now();
    const claimed = claimSteps(conn, { owner, now: clock.now(), leaseMs: leaseMarginMs, limit: free });
    if (claimed.length > 0) opts.onClaim?.(claimed.length, performance.now() - started);
    for (const step of claimed) {
      inFlight += 1;
      void runOne(step);
    }
    return claimed.length;
  };

  const waitForWork = async (ms: number) => {
    if (dirty) {
      dirty = false;
      return;
    }
    await Promise.race([new Promise<void>((resolve) => (wake = resolve)), clock.sleep(ms)]);
    wake = undefined;
    dirty = false;
  };

  const loop = async () => {
    while (!stopping) {
      try {
        claimRound();
      } catch (e) {
        opts.onError?.(e);
      }
      await waitForWork(pollMs);
    }
    while (inFlight > 0) await waitForWork(pollMs);
  };

  return {
    owner,
    start() {
      startCheckpointing();
      loopDone ??= loop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loopDone;
      while (inFlight > 0) await waitForWork(pollMs);
      stopCheckpointing();
    },
    async runUntilIdle() {
      const ownCheckpointer = !checkpointer;
      startCheckpointing();
      try {
        await drain();
      } finally {
        if (ownCheckpointer) stopCheckpointing();
      }
    },
  };

  async function drain() {
    for (;;) {
      const claimed = claimRound();
      if (claimed === 0 && inFlight === 0) {
        const next = nextWakeUp(conn);
        if (next === undefined) return;
        await clock.sleep(Math.max(0, next.getTime() - clock.now().getTime()) + 1);
        continue;
      }
      await waitForWork(pollMs);
    }
  }
}

/**
 * When work that is not claimable now will be: a retry's backoff ending, a step scheduled for later, or
 * another runner's lease expiring.
 * Undefined when no active operation has such work.
 */
function nextWakeUp(conn: Database.Database): Date | undefined {
  const row = conn
    .prepare(
      `SELECT MIN(CASE WHEN s.status = 'running' THEN s.leaseExpiresAt ELSE s.availableAt END) AS at
         FROM step s JOIN operation o ON o.id = s.operationId
        WHERE o.status IN ('queued', 'running')
          AND (s.status IN ('retrying', 'running') OR (s.status = 'pending' AND s.pendingDeps = 0))`,
    )
    .get() as { at: string | null };
  return row.at ? new Date(row.at) : undefined;
}

