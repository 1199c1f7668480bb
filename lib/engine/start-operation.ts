import { environmentStatusForOperation } from "./environment-status-for-operation";
import type { EngineTx } from "./store/engine-transaction";
import { transition } from "./store/transition";

const startMessages: Record<string, string> = {
  install: "Install started.",
  addons: "Activating add-ons.",
  delete: "Teardown started.",
  cancel: "Cancelling: tearing down what was created.",
};

/** The first claim of a queued operation starts it; a queued install also moves its environment to installing. */
export async function startOperation(
  tx: EngineTx,
  op: { id: string; type: string; environmentId: string },
  at: Date,
): Promise<void> {
  const target = environmentStatusForOperation(op.type);
  const started = await transition(
    tx,
    {
      entity: "operation",
      id: op.id,
      environmentId: op.environmentId,
      from: "queued",
      to: "running",
      set: { startedAt: at },
    },
    {
      type: "operation.running",
      message: startMessages[op.type] ?? "Started.",
      operationId: op.id,
      data: { status: target },
    },
    at,
  );
  if (!started) return;
  tx.webhook({
    type: "operation.started",
    environmentId: op.environmentId,
    operationId: op.id,
    operationStatus: "running",
    at,
  });
  if (target !== "installing") return;
  await transition(
    tx,
    { entity: "environment", id: op.environmentId, from: "queued", to: "installing" },
    { type: "environment.installing", message: "Installing.", operationId: op.id, data: { status: "installing" } },
    at,
  );
}
