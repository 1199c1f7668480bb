import type Database from "better-sqlite3";
import { sqliteTime } from "@/lib/sqlite";
import { appendEvent } from "./engine-events";
import { environmentStatusForOperation } from "./environment-status-for-operation";
import { statement } from "./statement";

export type ClaimedStep = {
  id: string;
  operationId: string;
  operationType: string;
  environmentId: string;
  key: string;
  name: string;
  title: string;
  node: string | null;
  attempt: number;
  maxAttempts: number;
  estimatedMs: number;
};

/**
 * Claims up to `limit` ready steps for `owner` under a lease, in one IMMEDIATE transaction: a step is ready
 * when its operation is queued or running, every dependency succeeded, and it is pending, retrying past its
 * backoff, or running under an expired lease (its runner died). Each claim is a compare-and-set on the state
 * read, so two runners never hold the same step. The first claim of an operation starts it.
 */
export function claimSteps(
  conn: Database.Database,
  input: { owner: string; now: Date; leaseMs: number; limit: number },
): ClaimedStep[] {
  const now = sqliteTime(input.now);
  const lease = sqliteTime(new Date(input.now.getTime() + input.leaseMs));
  const run = conn.transaction((): ClaimedStep[] => {
    // Two queries, each served by its own index: ready steps, and steps whose runner's lease expired.
    const columns = `s.id, s.status, s.operationId, o.type AS operationType, o.status AS operationStatus, o.environmentId,
                     s.key, s.name, s.title, s.node, s.attempts, s.maxAttempts, s.estimatedMs`;
    const ready = statement(
      conn,
      `SELECT ${columns} FROM step s JOIN operation o ON o.id = s.operationId
        WHERE s.status IN ('pending', 'retrying') AND s.pendingDeps = 0 AND s.availableAt <= ?
          AND o.status IN ('queued', 'running')
        LIMIT ?`,
    ).all(now, input.limit) as Candidate[];
    const abandoned =
      ready.length < input.limit
        ? (statement(
            conn,
            `SELECT ${columns} FROM step s JOIN operation o ON o.id = s.operationId
              WHERE s.status = 'running' AND s.leaseExpiresAt < ? AND o.status IN ('queued', 'running')
              LIMIT ?`,
          ).all(now, input.limit - ready.length) as Candidate[])
        : [];
    const candidates = [...ready, ...abandoned];
    const claimed: ClaimedStep[] = [];
    const claim = statement(conn, 
      `UPDATE step SET status = 'running', leaseOwner = ?, leaseExpiresAt = ?, attempts = attempts + 1,
              startedAt = COALESCE(startedAt, ?), attemptStartedAt = ?
        WHERE id = ? AND status = ? AND attempts = ?`,
    );
    for (const c of candidates) {
      if (claim.run(input.owner, lease, now, now, c.id, c.status, c.attempts).changes !== 1) continue;
      if (c.operationStatus === "queued") startOperation(conn, c.operationId, c.operationType, c.environmentId, input.now);
      const attempt = c.attempts + 1;
      appendEvent(conn, {
        environmentId: c.environmentId,
        type: "step.running",
        message:
          c.status === "running"
            ? `${c.title}: taken over after its runner stopped responding (attempt ${attempt} of ${c.maxAttempts}).`
            : `${c.title}: started (attempt ${attempt} of ${c.maxAttempts}).`,
        operationId: c.operationId,
        stepKey: c.key,
        at: input.now,
        data: { attempt, maxAttempts: c.maxAttempts, runner: input.owner },
      });
      claimed.push({
        id: c.id,
        operationId: c.operationId,
        operationType: c.operationType,
        environmentId: c.environmentId,
        key: c.key,
        name: c.name,
        title: c.title,
        node: c.node,
        attempt,
        maxAttempts: c.maxAttempts,
        estimatedMs: c.estimatedMs,
      });
      c.operationStatus = "running";
      for (const other of candidates) if (other.operationId === c.operationId) other.operationStatus = "running";
    }
    return claimed;
  });
  return run.immediate();
}

type Candidate = {
  id: string;
  status: string;
  operationId: string;
  operationType: string;
  operationStatus: string;
  environmentId: string;
  key: string;
  name: string;
  title: string;
  node: string | null;
  attempts: number;
  maxAttempts: number;
  estimatedMs: number;
};

const startMessages: Record<string, string> = {
  install: "Install started.",
  addons: "Activating add-ons.",
  delete: "Teardown started.",
  cancel: "Cancelling: tearing down what was created.",
};

function startOperation(conn: Database.Database, operationId: string, type: string, environmentId: string, at: Date) {
  const now = sqliteTime(at);
  const started = statement(conn, "UPDATE operation SET status = 'running', startedAt = ?, updatedAt = ? WHERE id = ? AND status = 'queued'")
    .run(now, now, operationId);
  if (started.changes !== 1) return;
  const target = environmentStatusForOperation(type);
  if (target === "installing") {
    statement(conn, "UPDATE environment SET status = 'installing', updatedAt = ? WHERE id = ? AND status = 'queued'")
      .run(now, environmentId);
  }
  appendEvent(conn, {
    environmentId,
    type: "operation.running",
    message: startMessages[type] ?? "Started.",
    operationId,
    at,
    data: { status: target },
  });
}
