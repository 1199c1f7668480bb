import type { EnvironmentPlan } from "@/lib/plan";
import type { ChangeParams } from "../create-operation";
import type { EngineTx } from "./engine-transaction";

export type OperationFacts = {
  type: string;
  environmentId: string;
  plan: EnvironmentPlan;
  domain: string;
  params: ChangeParams | null;
};

/** An operation with what its end needs of its environment (plan and domain). */
export async function getOperationFacts(tx: EngineTx, operationId: string): Promise<OperationFacts | undefined> {
  const { rows } = await tx.client.query<OperationFacts>(
    `SELECT o.type, o."environmentId", o.params, e.plan, e.domain FROM operation o JOIN environment e ON e.id = o."environmentId" WHERE o.id = $1`,
    [operationId],
  );
  return rows[0];
}
