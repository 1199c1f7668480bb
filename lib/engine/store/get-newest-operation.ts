import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import type { OperationStatus, OperationType } from "../operation-states";
import type { EngineTx } from "./engine-transaction";

export type NewestOperation = {
  id: string;
  type: OperationType;
  status: OperationStatus;
  error: { stepTitle?: string } | null;
  params: Record<string, unknown> | null;
  previous: { settings: InstallSettings; plan: EnvironmentPlan } | null;
};

/** The environment's newest operation, whatever its status. */
export async function getNewestOperation(tx: EngineTx, environmentId: string): Promise<NewestOperation | undefined> {
  const { rows } = await tx.client.query<NewestOperation>(
    `SELECT id, type, status, error, params, previous FROM operation WHERE "environmentId" = $1 ORDER BY seq DESC LIMIT 1`,
    [environmentId],
  );
  return rows[0];
}
