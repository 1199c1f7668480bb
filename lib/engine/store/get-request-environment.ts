import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import type { EngineTx } from "./engine-transaction";

export type RequestEnvironmentRow = {
  status: string;
  domain: string;
  faults: unknown;
  settings: InstallSettings;
  plan: EnvironmentPlan;
};

/** What a request needs to know of an environment to decide whether it may act on it. */
export async function getRequestEnvironment(tx: EngineTx, id: string): Promise<RequestEnvironmentRow | undefined> {
  const { rows } = await tx.client.query<RequestEnvironmentRow>(
    `SELECT status, domain, faults, settings, plan FROM environment WHERE id = $1`,
    [id],
  );
  return rows[0];
}
