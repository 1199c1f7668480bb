import type { QueryResult } from "pg";
import type { Pool, PoolClient } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import { SqlBatch } from "./sql-batch";

export type EventInput = {
  environmentId: string;
  type: string;
  message: string;
  data?: Record<string, unknown>;
  operationId?: string | null;
  stepKey?: string | null;
  actorId?: string | null;
  at: Date;
};

export type LogInput = {
  environmentId: string;
  operationId: string;
  stepKey: string | null;
  node: string | null;
  level: "info" | "warn" | "error";
  message: string;
  at: Date;
};

/**
 * A transaction of the engine's store. Events and log lines are collected while it runs and written at its
 * end, numbered per environment under that environment's row lock (so, per environment, numbers follow
 * commit order: a feed that resumes after N can never miss N+1), and a NOTIFY tells every process's feed
 * hub which environments changed — delivered by PostgreSQL only if and when the transaction commits.
 *
 * `batch`, when set, defers writes to the end, sent together with the events as one statement (executeStep
 * uses it: its rows are already locked, so its compare-and-sets cannot fail — a batch checks them anyway).
 */
export type EngineTx = {
  client: PoolClient;
  event(e: EventInput): void;
  log(line: LogInput): void;
  /** The environment's simulated infrastructure changed: its simVersion goes up with this transaction's history. */
  simChanged(environmentId: string): void;
  batch?: SqlBatch;
};

export const changesChannel = "clusterport_changes";

/** Lock order inside every engine transaction: step rows, then the operation, then the environment. */
export async function engineTransaction<T>(
  pool: Pool,
  fn: (tx: EngineTx, opening: QueryResult | undefined) => Promise<T>,
  opts: { batched?: boolean; opening?: string } = {},
): Promise<T> {
  return withTransaction(pool, async (client, opening) => {
    const events: EventInput[] = [];
    const logs: LogInput[] = [];
    const sims = new Set<string>();
    const tx: EngineTx = {
      client,
      event: (e) => events.push(e),
      log: (l) => logs.push(l),
      simChanged: (id) => sims.add(id),
      batch: opts.batched ? new SqlBatch() : undefined,
    };
    const result = await fn(tx, opening);
    const batch = tx.batch ?? new SqlBatch();
    queueHistory(batch, events, logs, sims);
    await batch.run(client);
    return result;
  }, { opening: opts.opening });
}

/**
 * Adds to `batch` the statements that number and write the events and log lines and notify: one UPDATE of
 * the environments' counters (which also locks them, in id order, and bumps the simVersion of those whose
 * infrastructure changed), the inserts numbered from what it returns, and one pg_notify per environment.
 */
function queueHistory(batch: SqlBatch, events: EventInput[], logs: LogInput[], sims: ReadonlySet<string>): void {
  if (events.length === 0 && logs.length === 0 && sims.size === 0) return;
  const environments = [...new Set([...events.map((e) => e.environmentId), ...logs.map((l) => l.environmentId), ...sims])].sort();
  const counts = environments.map((id) => [events.filter((e) => e.environmentId === id).length, logs.filter((l) => l.environmentId === id).length]);
  const position = (list: { environmentId: string }[]) => {
    const seen = new Map<string, number>();
    return list.map((item) => {
      const n = (seen.get(item.environmentId) ?? 0) + 1;
      seen.set(item.environmentId, n);
      return n;
    });
  };
  const p = (v: unknown) => batch.param(v);
  const seqs = batch.add(
    // The sub-select locks the rows in id order, so two transactions touching the same environments cannot deadlock.
    `UPDATE environment e SET "eventSeq" = e."eventSeq" + c.ne, "logSeq" = e."logSeq" + c.nl, "simVersion" = e."simVersion" + c.sv
       FROM unnest(${p(environments)}::text[], ${p(counts.map((c) => c[0]))}::int[], ${p(counts.map((c) => c[1]))}::int[],
                   ${p(environments.map((id) => (sims.has(id) ? 1 : 0)))}::int[]) AS c(id, ne, nl, sv),
            (SELECT id FROM environment WHERE id = ANY(${p(environments)}::text[]) ORDER BY id FOR UPDATE) AS l
      WHERE e.id = c.id AND l.id = c.id
      RETURNING e.id, e."eventSeq", e."logSeq", e."userId", c.ne, c.nl`,
    environments.length,
  );
  if (events.length > 0) {
    batch.add(
      `INSERT INTO environment_event ("environmentId", seq, type, message, data, "actorId", "operationId", "stepKey", "createdAt")
       SELECT u.env, s."eventSeq" - s.ne + u.pos, u.type, u.message, u.data, u.actor, u.op, u.step, u.at
         FROM unnest(${p(events.map((e) => e.environmentId))}::text[], ${p(position(events))}::int[], ${p(events.map((e) => e.type))}::text[],
                     ${p(events.map((e) => e.message))}::text[], ${p(events.map((e) => JSON.stringify(e.data ?? {})))}::jsonb[],
                     ${p(events.map((e) => e.actorId ?? null))}::text[], ${p(events.map((e) => e.operationId ?? null))}::text[],
                     ${p(events.map((e) => e.stepKey ?? null))}::text[], ${p(events.map((e) => e.at))}::timestamptz[])
              AS u(env, pos, type, message, data, actor, op, step, at)
         JOIN ${seqs} s ON s.id = u.env
       RETURNING 1`,
      events.length,
    );
  }
  if (logs.length > 0) {
    batch.add(
      `INSERT INTO log_line ("environmentId", seq, "operationId", "stepKey", node, level, message, at)
       SELECT u.env, s."logSeq" - s.nl + u.pos, u.op, u.step, u.node, u.level, u.message, u.at
         FROM unnest(${p(logs.map((l) => l.environmentId))}::text[], ${p(position(logs))}::int[], ${p(logs.map((l) => l.operationId))}::text[],
                     ${p(logs.map((l) => l.stepKey))}::text[], ${p(logs.map((l) => l.node))}::text[], ${p(logs.map((l) => l.level))}::text[],
                     ${p(logs.map((l) => l.message))}::text[], ${p(logs.map((l) => l.at))}::timestamptz[])
              AS u(env, pos, op, step, node, level, message, at)
         JOIN ${seqs} s ON s.id = u.env
       RETURNING 1`,
      logs.length,
    );
  }
  batch.add(
    `SELECT pg_notify(${p(changesChannel)}, json_build_object('environmentId', s.id, 'userId', s."userId", 'eventSeq', s."eventSeq", 'logSeq', s."logSeq")::text)
       FROM ${seqs} s`,
    environments.length,
  );
}
