import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { sqliteTime } from "@/lib/sqlite";
import { appendEvent } from "./engine-events";
import { operationLabels, type OperationType } from "./operation-states";
import { statement } from "./statement";

export type OperationStepSpec = {
  key: string;
  name: string;
  title: string;
  stage: string;
  node?: string;
  dependsOn: readonly string[];
  estimatedSeconds: number;
};

export const defaultMaxAttempts = 4;

/**
 * Persists an operation and its step graph in state queued. Must run inside the caller's transaction, with
 * the environment's state change, so that an operation never exists without its reason.
 */
export function createOperation(
  conn: Database.Database,
  input: {
    environmentId: string;
    type: OperationType;
    steps: readonly OperationStepSpec[];
    actorId: string | null;
    now: Date;
    maxAttempts?: number;
  },
): string {
  const id = randomUUID();
  const at = sqliteTime(input.now);
  statement(conn, 
      "INSERT INTO operation (id, environmentId, type, status, actorId, createdAt, updatedAt) VALUES (?, ?, ?, 'queued', ?, ?, ?)",
    )
    .run(id, input.environmentId, input.type, input.actorId, at, at);
  const dependents = new Map<string, string[]>();
  for (const s of input.steps) for (const d of s.dependsOn) dependents.set(d, [...(dependents.get(d) ?? []), s.key]);
  const insert = statement(conn, 
    `INSERT INTO step (id, operationId, key, name, title, stage, node, dependsOn, dependents, pendingDeps, status,
       attempts, maxAttempts, estimatedMs, availableAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
  );
  for (const s of input.steps) {
    insert.run(
      randomUUID(),
      id,
      s.key,
      s.name,
      s.title,
      s.stage,
      s.node ?? null,
      JSON.stringify(s.dependsOn),
      JSON.stringify(dependents.get(s.key) ?? []),
      s.dependsOn.length,
      input.maxAttempts ?? defaultMaxAttempts,
      s.estimatedSeconds * 1000,
      at,
    );
  }
  appendEvent(conn, {
    environmentId: input.environmentId,
    type: "operation.queued",
    message: `${operationLabels[input.type]} queued (${input.steps.length} steps).`,
    operationId: id,
    actorId: input.actorId,
    at: input.now,
    data: { type: input.type },
  });
  return id;
}
