import { nodeGroups } from "@/lib/catalog";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Pool } from "@/lib/db/pool";
import { canRequest } from "@/lib/environments/environment-actions";
import { ConflictError } from "@/lib/errors";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { createOperation, type ChangeParams, type OperationStepSpec } from "./create-operation";
import { canRollBackChange, operationLabels, type ChangeType } from "./operation-states";
import { assertIdle, environmentOf, failedChange, moveEnvironment, request, type Request } from "./request-context";
import type { EngineTx } from "./store/engine-transaction";
import { writeEnvironmentSecret } from "./store/write-environment-secret";

export type ChangeRequest = Request & {
  type: Exclude<ChangeType, "rollback">;
  /** The environment's settings and plan once the change is made; they replace the current ones now. */
  settings: InstallSettings;
  plan: EnvironmentPlan;
  steps: OperationStepSpec[];
  params: ChangeParams;
  /**
   * Environment secrets the change brings (e.g. registry credentials), written encrypted with the request so its
   * steps find them; null deletes one. Never in params or events.
   */
  secrets?: Record<string, string | null>;
  encryptionKey?: string;
};

/**
 * Starts a day-2 change on a running cluster: the environment takes the new settings and plan at once (so its
 * endpoints, nodes and health check know what is coming), keeps the old ones on the operation for a
 * rollback, and moves to updating while the change's steps run. Refused while another operation runs, and
 * while the newest change has failed (it must be retried or rolled back first).
 */
export async function requestChange(pool: Pool, r: ChangeRequest): Promise<string> {
  return request(pool, async (tx) => {
    const env = await environmentOf(tx, r.environmentId);
    await assertIdle(tx, r.environmentId, "change");
    if (!canRequest("change", env.status)) {
      throw new ConflictError(`Changes can be made to a running cluster only; this one is ${env.status}.`);
    }
    await assertNoFailedChange(tx, r.environmentId);
    await writeSecrets(tx, r);
    await moveEnvironment(tx, r, env.status, "updating", {
      message: `${operationLabels[r.type]}: ${r.params.summary}.`,
      set: { settings: r.settings, plan: r.plan },
      data: { change: r.type, params: r.params },
    });
    return createOperation(tx, {
      environmentId: r.environmentId,
      actorId: r.actorId,
      now: r.now,
      type: r.type,
      steps: r.steps,
      params: r.params,
      previous: { settings: env.settings, plan: env.plan },
    });
  });
}

async function writeSecrets(tx: EngineTx, r: ChangeRequest): Promise<void> {
  const entries = Object.entries(r.secrets ?? {});
  if (entries.length === 0) return;
  if (!r.encryptionKey) throw new Error("A change with secrets needs the encryption key.");
  for (const [name, value] of entries) {
    await writeEnvironmentSecret(tx, {
      environmentId: r.environmentId,
      name,
      ciphertext: value === null ? null : encryptSecret(value, r.encryptionKey),
      now: r.now,
    });
  }
}

/** Refuses a new change while the newest one has failed, saying how to get past it. */
async function assertNoFailedChange(tx: EngineTx, environmentId: string): Promise<void> {
  const failed = await failedChange(tx, environmentId);
  if (!failed) return;
  const where = failed.error?.stepTitle ? ` at "${failed.error.stepTitle}"` : "";
  throw new ConflictError(
    `${operationLabels[failed.type]} failed${where}. ${canRollBackChange(failed.type, failed.params) ? "Retry it or roll it back" : "Retry it"} before making another change.`,
  );
}

/** Node ids in `after` that `before` does not have. */
function addedNodes(before: EnvironmentPlan, after: EnvironmentPlan): string[] {
  const had = new Set(before.nodeGroups.flatMap((g) => g.nodes.map((n) => n.id)));
  return after.nodeGroups.flatMap((g) => g.nodes.map((n) => n.id)).filter((id) => !had.has(id));
}

/**
 * Undoes a failed change that added nodes: the settings and plan from before it are restored, and a rollback
 * operation drains and removes every node the change created (a node it never got to is a no-op), then checks
 * the cluster's health.
 */
export async function requestRollback(pool: Pool, r: Request): Promise<string> {
  return request(pool, async (tx) => {
    const env = await environmentOf(tx, r.environmentId);
    if (!canRequest("rollback", env.status))
      throw new ConflictError("Only a failed change on a running cluster can be rolled back.");
    const failed = await failedChange(tx, r.environmentId);
    if (!failed)
      throw new ConflictError("There is nothing to roll back: the newest change on this cluster did not fail.");
    if (!failed.previous || !canRollBackChange(failed.type, failed.params)) {
      throw new ConflictError(
        `${operationLabels[failed.type]} added no nodes, so there is nothing to roll back; retry it instead.`,
      );
    }
    const removing = addedNodes(failed.previous.plan, env.plan);
    const steps: OperationStepSpec[] = [];
    for (const node of removing) {
      const worker = node.startsWith(`${nodeGroups.workers.id}-`);
      if (worker)
        steps.push({
          key: `drain-node:${node}`,
          name: "drain-node",
          title: `Drain worker ${node}`,
          stage: "teardown",
          node,
          dependsOn: [],
          estimatedSeconds: 20,
        });
      steps.push({
        key: `remove-node:${node}`,
        name: "remove-node",
        title: `Remove node ${node}`,
        stage: "teardown",
        node,
        dependsOn: worker ? [`drain-node:${node}`] : [],
        estimatedSeconds: 15,
      });
    }
    steps.push({
      key: "check-health",
      name: "check-health",
      title: "Check the cluster's health",
      stage: "health",
      dependsOn: removing.map((n) => `remove-node:${n}`),
      estimatedSeconds: 20,
    });
    const summary = `undo ${operationLabels[failed.type]}, removing ${removing.join(", ")}`;
    await moveEnvironment(tx, r, env.status, "updating", {
      message: `Rolling back ${operationLabels[failed.type]}: removing ${removing.join(", ")}.`,
      set: { settings: failed.previous.settings, plan: failed.previous.plan },
      data: { change: "rollback", params: { summary, of: failed.id } },
    });
    return createOperation(tx, {
      environmentId: r.environmentId,
      actorId: r.actorId,
      now: r.now,
      type: "rollback",
      steps,
      params: { summary, of: failed.id, removing },
      previous: { settings: env.settings, plan: env.plan },
    });
  });
}
