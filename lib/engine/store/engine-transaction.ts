import type { Pool, PoolClient } from "@/lib/db/pool";
import { withTransaction } from "@/lib/db/transaction";

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
 */
export type EngineTx = {
  client: PoolClient;
  event(e: EventInput): void;
  log(line: LogInput): void;
};

export const changesChannel = "clusterport_changes";

/** Lock order inside every engine transaction: step rows, then the operation, then the environment. */
export async function engineTransaction<T>(pool: Pool, fn: (tx: EngineTx) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (client) => {
    const events: EventInput[] = [];
    const logs: LogInput[] = [];
    const tx: EngineTx = { client, event: (e) => events.push(e), log: (l) => logs.push(l) };
    const result = await fn(tx);
    await writeQueued(client, events, logs);
    return result;
  });
}

async function writeQueued(client: PoolClient, events: EventInput[], logs: LogInput[]): Promise<void> {
  if (events.length === 0 && logs.length === 0) return;
  const environments = [...new Set([...events.map((e) => e.environmentId), ...logs.map((l) => l.environmentId)])].sort();
  for (const environmentId of environments) {
    const mine = events.filter((e) => e.environmentId === environmentId);
    const lines = logs.filter((l) => l.environmentId === environmentId);
    const { rows } = await client.query<{ eventSeq: number; logSeq: number; userId: string }>(
      `UPDATE environment SET "eventSeq" = "eventSeq" + $2, "logSeq" = "logSeq" + $3 WHERE id = $1
       RETURNING "eventSeq", "logSeq", "userId"`,
      [environmentId, mine.length, lines.length],
    );
    const row = rows[0];
    if (!row) throw new Error(`Environment ${environmentId} does not exist.`);
    if (mine.length > 0) {
      const first = row.eventSeq - mine.length + 1;
      await client.query(
        `INSERT INTO environment_event ("environmentId", seq, type, message, data, "actorId", "operationId", "stepKey", "createdAt")
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])`,
        [
          environmentId,
          mine.map((_, i) => first + i),
          mine.map((e) => e.type),
          mine.map((e) => e.message),
          mine.map((e) => JSON.stringify(e.data ?? {})),
          mine.map((e) => e.actorId ?? null),
          mine.map((e) => e.operationId ?? null),
          mine.map((e) => e.stepKey ?? null),
          mine.map((e) => e.at),
        ],
      );
    }
    if (lines.length > 0) {
      const first = row.logSeq - lines.length + 1;
      await client.query(
        `INSERT INTO log_line ("environmentId", seq, "operationId", "stepKey", node, level, message, at)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])`,
        [
          environmentId,
          lines.map((_, i) => first + i),
          lines.map((l) => l.operationId),
          lines.map((l) => l.stepKey),
          lines.map((l) => l.node),
          lines.map((l) => l.level),
          lines.map((l) => l.message),
          lines.map((l) => l.at),
        ],
      );
    }
    await client.query("SELECT pg_notify($1, $2)", [
      changesChannel,
      JSON.stringify({ environmentId, userId: row.userId, eventSeq: row.eventSeq, logSeq: row.logSeq }),
    ]);
  }
}
