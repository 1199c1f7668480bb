import { randomUUID } from "node:crypto";
import { findAccountPlan } from "@/lib/catalog";
import type { Pool } from "@/lib/db/pool";
import { computePlan } from "@/lib/plan";
import { defaultInstallSettings, type InstallSettings } from "@/lib/validations/install-settings";
import type { OperationStepSpec } from "../create-operation";
import type { Faults } from "../faults";
import { insertEnvironment } from "../store/insert-environment";

/**
 * Inserts a queued environment with its install operation through the store, as createEnvironment does, for
 * engine tests. `steps` replaces the plan's step graph (mechanics tests with stub handlers).
 */
export async function insertTestEnvironment(
  pool: Pool,
  input: {
    userId: string;
    name?: string;
    settings?: Partial<InstallSettings>;
    faults?: Partial<Faults>;
    steps?: OperationStepSpec[];
    now?: Date;
  },
): Promise<{ environmentId: string; operationId: string }> {
  const name = input.name ?? `env-${randomUUID().slice(0, 8)}`;
  const settings: InstallSettings = { ...defaultInstallSettings(name, "eu-central"), ...input.settings, name };
  const plan = computePlan(settings, { plan: findAccountPlan("business")!, environmentsInUse: 0 });
  const outcome = await insertEnvironment(pool, {
    userId: input.userId,
    settings,
    plan,
    requestId: randomUUID(),
    faults: { transientFailureRate: 0, named: [], ...input.faults },
    maxEnvironments: 100_000,
    now: input.now ?? new Date("2026-01-01T00:00:00.000Z"),
    steps: input.steps,
  });
  if (outcome.kind !== "created") throw new Error(`Test environment not created: ${outcome.kind}`);
  return { environmentId: outcome.id, operationId: outcome.operationId };
}
