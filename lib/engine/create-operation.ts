import { randomUUID } from "node:crypto";
import { operationLabels, type OperationType } from "./operation-states";
import { dnsWaitAttempts } from "./steps/dns-wait";
import type { EngineTx } from "./store/engine-transaction";

export type OperationStepSpec = {
  key: string;
  name: string;
  title: string;
  stage: string;
  node?: string;
  dependsOn: readonly string[];
  estimatedSeconds: number;
};

/** Steps that make more attempts than the operation's: those that wait for the user (a domain's DNS record). */
const stepMaxAttempts: Readonly<Record<string, number>> = { "issue-certificate": dnsWaitAttempts };

/**
 * A day-2 change's parameters as the activity shows them: `summary` in words ("scales workers 1 → 3, adding
 * cp-2, cp-3"), the rest as given, with secrets replaced by "••••" before they get here.
 */
export type ChangeParams = { summary: string } & Record<string, unknown>;

export const defaultMaxAttempts = 4;

/** PostgreSQL's name for the index that keeps one active operation per environment. */
export const oneActiveOperationIndex = "operation_one_active_per_environment";

/**
 * Persists an operation and its step graph in state queued. Runs inside the caller's transaction, with the
 * environment's state change, so that an operation never exists without its reason. A second active
 * operation for the environment fails on a unique index (the caller turns that into a conflict).
 */
export async function createOperation(
  tx: EngineTx,
  input: {
    environmentId: string;
    type: OperationType;
    steps: readonly OperationStepSpec[];
    actorId: string | null;
    now: Date;
    maxAttempts?: number;
    /** Day-2 changes: what was asked for (no secrets), and the settings and plan a rollback restores. */
    params?: ChangeParams;
    previous?: { settings: unknown; plan: unknown };
  },
): Promise<string> {
  const id = randomUUID();
  await tx.client.query(
    `INSERT INTO operation (id, "environmentId", type, status, "actorId", params, previous, "createdAt", "updatedAt")
     VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $7)`,
    [id, input.environmentId, input.type, input.actorId, input.params ?? null, input.previous ?? null, input.now],
  );
  const dependents = new Map<string, string[]>();
  for (const s of input.steps) for (const d of s.dependsOn) dependents.set(d, [...(dependents.get(d) ?? []), s.key]);
  const steps = input.steps;
  // Arrays of arrays cannot pass through unnest, so the step keys' lists travel as JSON.
  await tx.client.query(
    `INSERT INTO step (id, "operationId", key, position, name, title, stage, node, "dependsOn", dependents, "pendingDeps", status,
                       attempts, "maxAttempts", "estimatedMs", "availableAt")
     SELECT u.id, $1, u.key, u.position, u.name, u.title, u.stage, u.node,
            ARRAY(SELECT jsonb_array_elements_text(u.deps)), ARRAY(SELECT jsonb_array_elements_text(u.dependents)),
            jsonb_array_length(u.deps), 'pending', 0, u."maxAttempts", u.ms, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[], $12::int[], $2::int[])
            WITH ORDINALITY AS u(id, key, name, title, stage, node, deps, dependents, ms, "maxAttempts", position)`,
    [
      id,
      steps.map((s) => stepMaxAttempts[s.name] ?? input.maxAttempts ?? defaultMaxAttempts),
      input.now,
      steps.map(() => randomUUID()),
      steps.map((s) => s.key),
      steps.map((s) => s.name),
      steps.map((s) => s.title),
      steps.map((s) => s.stage),
      steps.map((s) => s.node ?? null),
      steps.map((s) => JSON.stringify(s.dependsOn)),
      steps.map((s) => JSON.stringify(dependents.get(s.key) ?? [])),
      steps.map((s) => s.estimatedSeconds * 1000),
    ],
  );
  tx.event({
    environmentId: input.environmentId,
    type: "operation.queued",
    message: `${operationLabels[input.type]} queued (${steps.length} steps).`,
    operationId: id,
    actorId: input.actorId,
    at: input.now,
    data: { type: input.type },
  });
  return id;
}
