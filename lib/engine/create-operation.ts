import { randomUUID } from "node:crypto";
import { operationLabels, type OperationType } from "./operation-states";
import { dnsWaitAttempts } from "./steps/dns-wait";
import type { EngineTx } from "./store/engine-transaction";
import { insertOperation } from "./store/insert-operation";

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

const defaultMaxAttempts = 4;

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
  const dependents = new Map<string, string[]>();
  for (const s of input.steps) for (const d of s.dependsOn) dependents.set(d, [...(dependents.get(d) ?? []), s.key]);
  const steps = input.steps;
  await insertOperation(tx, {
    id,
    environmentId: input.environmentId,
    type: input.type,
    actorId: input.actorId,
    params: input.params,
    previous: input.previous,
    now: input.now,
    steps: steps.map((s) => ({
      id: randomUUID(),
      key: s.key,
      name: s.name,
      title: s.title,
      stage: s.stage,
      node: s.node ?? null,
      dependsOn: s.dependsOn,
      dependents: dependents.get(s.key) ?? [],
      estimatedMs: s.estimatedSeconds * 1000,
      maxAttempts: stepMaxAttempts[s.name] ?? input.maxAttempts ?? defaultMaxAttempts,
    })),
  });
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
