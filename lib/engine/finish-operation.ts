import type { EnvironmentPlan } from "@/lib/plan";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { isChangeType, operationLabels } from "./operation-states";
import type { HealthLine } from "./step-context";
import type { EngineTx } from "./store/engine-transaction";
import { findStepNodes } from "./store/find-step-nodes";
import { getOperationFacts } from "./store/get-operation-facts";
import { getStepOutput } from "./store/get-step-output";
import { transition } from "./store/transition";

export type EnvironmentResults = {
  endpoints: EnvironmentPlan["endpoints"];
  health: HealthLine[];
  completedAt: string;
};

/**
 * Ends an operation whose every step succeeded, and moves the environment to where that leaves it. `last` is
 * the step that just succeeded, whose output is not written yet when its transaction batches its writes.
 */
export async function finishOperation(
  tx: EngineTx,
  operationId: string,
  at: Date,
  last: { stepName: string; output: Record<string, unknown> },
): Promise<void> {
  const op = (await getOperationFacts(tx, operationId))!;
  const done = await transition(
    tx,
    {
      entity: "operation",
      id: operationId,
      environmentId: op.environmentId,
      from: "running",
      to: "succeeded",
      set: { finishedAt: at },
    },
    { type: "operation.succeeded", message: "All steps done.", operationId, data: { status: "succeeded" } },
    at,
  );
  if (!done) throw new Error(`Operation ${operationId} was not running.`);
  const webhook = (type: WebhookEventType) =>
    tx.webhook({ type, environmentId: op.environmentId, operationId, operationStatus: "succeeded", at });
  webhook("operation.succeeded");
  const moveEnvironment = async (
    from: "installing" | "updating" | "cancelling" | "deleting",
    to: "running" | "cancelled" | "deleted",
    message: string,
    set: Record<string, unknown>,
    data: Record<string, unknown>,
  ) => {
    const moved = await transition(
      tx,
      { entity: "environment", id: op.environmentId, from, to, set },
      { type: `environment.${to}`, message, operationId, data: { status: to, ...data } },
      at,
    );
    if (!moved) throw new Error(`Environment ${op.environmentId} was not ${from}.`);
  };

  if (op.type === "install" || isChangeType(op.type)) {
    const health =
      last.stepName === "check-health"
        ? (last.output as { report?: HealthLine[] })
        : await getStepOutput<{ report?: HealthLine[] }>(tx, operationId, "check-health");
    const results: EnvironmentResults = {
      endpoints: op.plan.endpoints,
      health: health?.report ?? [],
      completedAt: at.toISOString(),
    };
    await moveEnvironment(
      op.type === "install" ? "installing" : "updating",
      "running",
      op.type === "install"
        ? `Cluster is running at ${op.plan.endpoints.cluster}`
        : `${operationLabels[op.type]} done${op.params ? ` (${op.params.summary})` : ""}; the cluster is running.`,
      { results },
      {},
    );
    if (op.type === "install") webhook("environment.install.succeeded");
    if (op.params?.autoscaler === true) webhook("environment.autoscaled");
    return;
  }

  const removed = await findStepNodes(tx, operationId, "remove-node");
  const to = op.type === "cancel" ? "cancelled" : "deleted";
  // Terminal: the name is released (both claims) and, no longer active, so is the quota share.
  await moveEnvironment(
    op.type === "cancel" ? "cancelling" : "deleting",
    to,
    `${op.type === "cancel" ? "Install cancelled" : "Environment deleted"}: removed ${removed.length} node${removed.length === 1 ? "" : "s"}` +
      `${removed.length ? ` (${removed.join(", ")})` : ""}, their Kubernetes objects and secrets; ${op.domain} is free again.`,
    { regionClaim: null, ownerClaim: null },
    { removedNodes: removed },
  );
  if (to === "deleted") webhook("environment.deleted");
}
