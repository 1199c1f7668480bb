import { randomUUID } from "node:crypto";
import type { QueryResult } from "pg";
import type { Pool, PoolClient } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { operationLabels, type OperationStatus } from "../operation-states";
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

/** An event for the account's webhook endpoints, about an operation of one of its environments. */
export type WebhookEventInput = {
  type: WebhookEventType;
  environmentId: string;
  operationId: string;
  /** The operation's status once the transaction commits (in a batch its row is written only at the end). */
  operationStatus: OperationStatus;
  error?: Record<string, unknown>;
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
 *
 * Webhook events are the transactional outbox of lib/webhooks: one pending delivery per subscribed, enabled
 * endpoint of the environment's owner, inserted with the state change that caused them, so an event is sent if
 * and only if its change committed.
 */
export type EngineTx = {
  client: PoolClient;
  event(e: EventInput): void;
  log(line: LogInput): void;
  /** The environment's simulated infrastructure changed: its simVersion goes up with this transaction's history. */
  simChanged(environmentId: string): void;
  webhook(e: WebhookEventInput): void;
  batch?: SqlBatch;
};

export const changesChannel = "clusterport_changes";

/** Lock order inside every engine transaction: step rows, then the operation, then the environment. */
export async function engineTransaction<T>(
  pool: Pool,
  fn: (tx: EngineTx, opening: QueryResult | undefined) => Promise<T>,
  opts: { batched?: boolean; opening?: string } = {},
): Promise<T> {
  return withTransaction(
    pool,
    async (client, opening) => {
      const events: EventInput[] = [];
      const logs: LogInput[] = [];
      const sims = new Set<string>();
      const webhooks: WebhookEventInput[] = [];
      const tx: EngineTx = {
        client,
        event: (e) => events.push(e),
        log: (l) => logs.push(l),
        simChanged: (id) => sims.add(id),
        webhook: (e) => webhooks.push(e),
        batch: opts.batched ? new SqlBatch() : undefined,
      };
      const result = await fn(tx, opening);
      const batch = tx.batch ?? new SqlBatch();
      queueHistory(batch, events, logs, sims);
      queueWebhooks(batch, webhooks);
      await batch.run(client);
      return result;
    },
    { opening: opts.opening },
  );
}

/**
 * Adds to `batch` the statements that number and write the events and log lines and notify: one UPDATE of
 * the environments' counters (which also locks them, in id order, and bumps the simVersion of those whose
 * infrastructure changed), the inserts numbered from what it returns, and one pg_notify per environment.
 */
function queueHistory(batch: SqlBatch, events: EventInput[], logs: LogInput[], sims: ReadonlySet<string>): void {
  if (events.length === 0 && logs.length === 0 && sims.size === 0) return;
  const environments = [
    ...new Set([...events.map((e) => e.environmentId), ...logs.map((l) => l.environmentId), ...sims]),
  ].sort();
  const counts = environments.map((id) => [
    events.filter((e) => e.environmentId === id).length,
    logs.filter((l) => l.environmentId === id).length,
  ]);
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

/**
 * Adds to `batch` the insert of each webhook event's deliveries: one row per enabled endpoint of the environment's
 * owner subscribed to its type, sharing the event's message id (the webhook-id header). The payload is built
 * here from the environment and operation rows; the operation's status comes with the event, as its row may be
 * written by this same batch (whose parts all see the database as it was before the batch).
 */
function queueWebhooks(batch: SqlBatch, webhooks: WebhookEventInput[]): void {
  if (webhooks.length === 0) return;
  const p = (v: unknown) => batch.param(v);
  batch.add(
    `INSERT INTO webhook_delivery (id, "endpointId", "messageId", "eventType", payload, status, attempts, "nextAttemptAt", "createdAt")
     SELECT gen_random_uuid()::text, w.id, u.message, u.type,
            jsonb_build_object('type', u.type, 'timestamp', u.iso, 'data', jsonb_build_object(
              'environment', jsonb_build_object('id', e.id, 'name', e.name, 'status', e.status),
              'operation', jsonb_build_object('id', o.id, 'type', o.type, 'status', u.status,
                                              'summary', COALESCE(o.params->>'summary', ${p(JSON.stringify(operationLabels))}::jsonb->>o.type, o.type))
                           || CASE WHEN u.error IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('error', u.error) END)),
            'pending', 0, u.at, u.at
       FROM unnest(${p(webhooks.map((w) => w.type))}::text[], ${p(webhooks.map((w) => w.environmentId))}::text[], ${p(webhooks.map((w) => w.operationId))}::text[],
                   ${p(webhooks.map((w) => w.operationStatus))}::text[], ${p(webhooks.map((w) => (w.error ? JSON.stringify(w.error) : null)))}::jsonb[],
                   ${p(webhooks.map((w) => w.at))}::timestamptz[], ${p(webhooks.map((w) => w.at.toISOString()))}::text[],
                   ${p(webhooks.map(() => `msg_${randomUUID().replaceAll("-", "")}`))}::text[])
            AS u(type, env, op, status, error, at, iso, message)
       JOIN environment e ON e.id = u.env
       JOIN operation o ON o.id = u.op
       JOIN webhook_endpoint w ON w."userId" = e."userId" AND w.enabled AND u.type = ANY(w.events)
     RETURNING 1`,
  );
}
