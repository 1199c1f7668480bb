import type Database from "better-sqlite3";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { EnvironmentPlan } from "@/lib/plan";
import { sqliteTime } from "@/lib/sqlite";
import type { InstallSettings } from "@/lib/validations/install-settings";
import type { ClaimedStep } from "./claim-steps";
import { appendEvent } from "./engine-events";
import { parseFaults, type NamedFault } from "./faults";
import { finishOperation } from "./finish-operation";
import { failOperation } from "./fail-operation";
import { seededRandom } from "./random";
import type { SecretStore, StepContext, StepHandler, StepOutput } from "./step-context";
import { StepError, transientError, type StepFailure } from "./step-error";
import { statement } from "./statement";

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
};

/**
 * Runs one claimed step and records its outcome in ONE IMMEDIATE transaction: the handler's effects on the
 * simulated infrastructure, its log lines, the step's new state, its dependents' readiness and, when it was
 * the last step, the operation's end. The transaction first re-checks (compare-and-set) that this runner
 * still holds the step and that the operation still runs; if not (lease taken over, operation cancelled),
 * nothing is written and the outcome is "lost". A failing handler's effects are rolled back to a savepoint
 * before the failure is recorded.
 */
export function executeStep(conn: Database.Database, claimed: ClaimedStep, opts: ExecuteOptions): StepOutcome {
  const run = conn.transaction((): StepOutcome => {
    const held = statement(
      conn,
      `SELECT o.status AS operationStatus, s.dependents FROM step s JOIN operation o ON o.id = s.operationId
        WHERE s.id = ? AND s.status = 'running' AND s.leaseOwner = ? AND s.attempts = ? AND o.status IN ('running', 'failed')`,
    ).get(claimed.id, opts.owner, claimed.attempt) as { operationStatus: string; dependents: string } | undefined;
    // A sibling's failure does not waste work already in flight: the step still commits, and Retry resumes after it.
    if (!held) return "lost";

    const env = environmentFacts(conn, claimed.environmentId);
    const faults = parseFaults(env.faults);
    // Seeded by what a person can name (not by generated ids), so the same install replays the same way.
    const random = seededRandom(`${env.name}:${claimed.operationType}:${claimed.key}:${claimed.attempt}`);
    const logs: { message: string; level: string }[] = [];
    const ctx: StepContext = {
      conn,
      environment: { id: env.id, name: env.name, domain: env.domain, region: env.region, settings: env.settings, plan: env.plan },
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
      secrets: secretStore(conn, env.id, opts.encryptionKey, opts.now),
      log: (message, level = "info") => logs.push({ message, level }),
    };

    let output: StepOutput | void = undefined;
    let failure: StepFailure | undefined;
    try {
      output = conn.transaction(() => {
        if (faults.transientFailureRate > 0 && random.next() < faults.transientFailureRate) {
          throw transientError("injected-transient", "Connection reset by peer while talking to the node agent (injected fault).");
        }
        const handler = opts.handlers[claimed.name];
        if (!handler) throw new Error(`No handler for step "${claimed.name}".`);
        return handler(ctx);
      })();
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

    const now = sqliteTime(opts.now);
    const insertLog = statement(conn, 
      "INSERT INTO log_line (environmentId, operationId, stepKey, node, level, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    for (const l of logs) insertLog.run(env.id, claimed.operationId, claimed.key, claimed.node, l.level, l.message, now);

    if (!failure) {
      statement(conn, 
          `UPDATE step SET status = 'succeeded', finishedAt = ?, output = ?, error = NULL, leaseOwner = NULL, leaseExpiresAt = NULL
            WHERE id = ?`,
        )
        .run(now, JSON.stringify(output ?? {}), claimed.id);
      const dependents = JSON.parse(held.dependents) as string[];
      const release = statement(conn, "UPDATE step SET pendingDeps = pendingDeps - 1 WHERE operationId = ? AND key = ?");
      for (const key of dependents) release.run(claimed.operationId, key);
      appendEvent(conn, {
        environmentId: env.id,
        type: "step.succeeded",
        message: `${claimed.title}: done.`,
        operationId: claimed.operationId,
        stepKey: claimed.key,
        at: opts.now,
        data: { attempt: claimed.attempt },
      });
      const left = statement(conn, "SELECT COUNT(*) AS n FROM step WHERE operationId = ? AND status != 'succeeded'")
        .get(claimed.operationId) as { n: number };
      if (left.n === 0 && held.operationStatus === "running") finishOperation(conn, claimed.operationId, opts.now);
      return "succeeded";
    }

    insertLog.run(env.id, claimed.operationId, claimed.key, claimed.node, "error", failure.message, now);
    if (failure.transient && claimed.attempt < claimed.maxAttempts) {
      const waitMs = opts.backoffMs(claimed.attempt);
      const availableAt = sqliteTime(new Date(opts.now.getTime() + opts.scale(waitMs)));
      statement(conn, 
          `UPDATE step SET status = 'retrying', availableAt = ?, error = ?, leaseOwner = NULL, leaseExpiresAt = NULL WHERE id = ?`,
        )
        .run(availableAt, JSON.stringify(failure), claimed.id);
      appendEvent(conn, {
        environmentId: env.id,
        type: "step.retrying",
        message: `${claimed.title}: attempt ${claimed.attempt} of ${claimed.maxAttempts} failed (${failure.message}); retrying in ${Math.round(waitMs / 1000)} s.`,
        operationId: claimed.operationId,
        stepKey: claimed.key,
        at: opts.now,
        data: { attempt: claimed.attempt, maxAttempts: claimed.maxAttempts, backoffMs: waitMs, error: failure },
      });
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
    statement(conn, 
        `UPDATE step SET status = 'failed', finishedAt = ?, error = ?, leaseOwner = NULL, leaseExpiresAt = NULL WHERE id = ?`,
      )
      .run(now, JSON.stringify(final), claimed.id);
    if (held.operationStatus === "running") failOperation(conn, { operationId: claimed.operationId, stepKey: claimed.key, stepTitle: claimed.title, failure: final, at: opts.now });
    return "failed";
  });
  return run.immediate();
}

type EnvironmentFacts = StepContext["environment"] & { faults: string };

/**
 * Settings and plan change only when a day-2 request rewrites them (which also moves updatedAt), so each
 * environment's are parsed once per version and process.
 */
const parsed = new Map<string, Omit<EnvironmentFacts, "faults">>();

function environmentFacts(conn: Database.Database, id: string): EnvironmentFacts {
  const { faults, updatedAt } = statement(conn, "SELECT faults, updatedAt FROM environment WHERE id = ?").get(id) as {
    faults: string;
    updatedAt: string;
  };
  const version = `${id}@${updatedAt}`;
  let facts = parsed.get(version);
  if (!facts) {
    const row = statement(conn, "SELECT id, name, domain, region, settings, plan FROM environment WHERE id = ?").get(id) as {
      id: string;
      name: string;
      domain: string;
      region: string;
      settings: string;
      plan: string;
    };
    facts = {
      id: row.id,
      name: row.name,
      domain: row.domain,
      region: row.region,
      settings: JSON.parse(row.settings) as InstallSettings,
      plan: JSON.parse(row.plan) as EnvironmentPlan,
    };
    if (parsed.size >= 5000) parsed.delete(parsed.keys().next().value!);
    parsed.set(version, facts);
  }
  return { ...facts, faults };
}

function secretStore(conn: Database.Database, environmentId: string, key: string, at: Date): SecretStore {
  return {
    put(name, value) {
      statement(conn, 
          `INSERT INTO environment_secret (environmentId, name, ciphertext, createdAt) VALUES (?, ?, ?, ?)
           ON CONFLICT (environmentId, name) DO UPDATE SET ciphertext = excluded.ciphertext`,
        )
        .run(environmentId, name, encryptSecret(value, key), sqliteTime(at));
    },
    get(name) {
      const row = statement(conn, "SELECT ciphertext FROM environment_secret WHERE environmentId = ? AND name = ?")
        .get(environmentId, name) as { ciphertext: string } | undefined;
      return row ? decryptSecret(row.ciphertext, key) : undefined;
    },
    delete(name) {
      statement(conn, "DELETE FROM environment_secret WHERE environmentId = ? AND name = ?").run(environmentId, name);
    },
  };
}
