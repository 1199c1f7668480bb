import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { environmentStatusForOperation } from "./environment-status-for-operation";
import { isChangeType, operationLabels, type ChangeType } from "./operation-states";
import type { StepFailure } from "./step-error";
import type { EngineTx } from "./store/engine-transaction";
import { getOperationFacts } from "./store/get-operation-facts";
import { transition } from "./store/transition";

/**
 * Stops an operation on a step's final failure. An install, cancel or delete leaves the environment Failed with
 * the error and who can fix it; a day-2 change leaves it Running (what the change did not reach still works),
 * its card showing the failed step, to be retried or rolled back.
 */
export async function failOperation(
  tx: EngineTx,
  input: { operationId: string; stepKey: string; stepTitle: string; failure: StepFailure; at: Date },
): Promise<void> {
  const error = { stepKey: input.stepKey, stepTitle: input.stepTitle, ...input.failure };
  const op = (await getOperationFacts(tx, input.operationId))!;
  const message = `${input.stepTitle} failed: ${input.failure.message} ${input.failure.fixableBy === "user" ? "You can fix this" : "This is on our side"}: ${input.failure.action}`;
  const failed = await transition(
    tx,
    {
      entity: "operation",
      id: input.operationId,
      environmentId: op.environmentId,
      from: "running",
      to: "failed",
      set: { error, finishedAt: input.at },
    },
    {
      type: "operation.failed",
      message,
      operationId: input.operationId,
      stepKey: input.stepKey,
      data: { status: "failed", error },
    },
    input.at,
  );
  if (!failed) return;
  const webhook = (type: WebhookEventType) =>
    tx.webhook({
      type,
      environmentId: op.environmentId,
      operationId: input.operationId,
      operationStatus: "failed",
      error,
      at: input.at,
    });
  webhook("operation.failed");
  if (op.type === "install") webhook("environment.install.failed");
  const to = isChangeType(op.type) ? "running" : "failed";
  await transition(
    tx,
    { entity: "environment", id: op.environmentId, from: environmentStatusForOperation(op.type), to },
    {
      type: `environment.${to}`,
      message:
        to === "running"
          ? `${operationLabels[op.type as ChangeType]} stopped; the cluster is still running. ${message}`
          : message,
      operationId: input.operationId,
      stepKey: input.stepKey,
      data: { status: to, error },
    },
    input.at,
  );
}
