import type { OperationType } from "../operation-states";
import type { EngineTx } from "./engine-transaction";

export type NewStepRow = {
  id: string;
  key: string;
  name: string;
  title: string;
  stage: string;
  node: string | null;
  dependsOn: readonly string[];
  dependents: readonly string[];
  estimatedMs: number;
  maxAttempts: number;
};

/** Writes a queued operation and its pending steps (two statements, in the caller's transaction). */
export async function insertOperation(
  tx: EngineTx,
  op: {
    id: string;
    environmentId: string;
    type: OperationType;
    actorId: string | null;
    params: unknown;
    previous: unknown;
    now: Date;
    steps: readonly NewStepRow[];
  },
): Promise<void> {
  await tx.client.query(
    `INSERT INTO operation (id, "environmentId", type, status, "actorId", params, previous, "createdAt", "updatedAt")
     VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $7)`,
    [op.id, op.environmentId, op.type, op.actorId, op.params ?? null, op.previous ?? null, op.now],
  );
  const steps = op.steps;
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
      op.id,
      steps.map((s) => s.maxAttempts),
      op.now,
      steps.map((s) => s.id),
      steps.map((s) => s.key),
      steps.map((s) => s.name),
      steps.map((s) => s.title),
      steps.map((s) => s.stage),
      steps.map((s) => s.node),
      steps.map((s) => JSON.stringify(s.dependsOn)),
      steps.map((s) => JSON.stringify(s.dependents)),
      steps.map((s) => s.estimatedMs),
    ],
  );
}
