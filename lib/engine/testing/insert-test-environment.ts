import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { findAccountPlan } from "@/lib/catalog";
import { computePlan } from "@/lib/plan";
import { defaultInstallSettings, type InstallSettings } from "@/lib/validations/install-settings";
import { createOperation, type OperationStepSpec } from "../create-operation";
import type { Faults } from "../faults";
import { insertEnvironment } from "../insert-environment";

/**
 * Inserts a queued environment with its install operation, as createEnvironment does, for engine tests.
 * `steps` replaces the plan's step graph (mechanics tests with stub handlers).
 */
export function insertTestEnvironment(
  conn: Database.Database,
  input: {
    userId: string;
    name?: string;
    settings?: Partial<InstallSettings>;
    faults?: Partial<Faults>;
    steps?: OperationStepSpec[];
    now?: Date;
  },
): { environmentId: string; operationId: string } {
  const name = input.name ?? `env-${randomUUID().slice(0, 8)}`;
  const settings: InstallSettings = { ...defaultInstallSettings(name, "eu-central"), ...input.settings, name };
  const plan = computePlan(settings, { plan: findAccountPlan("business")!, environmentsInUse: 0 });
  const id = randomUUID();
  const now = input.now ?? new Date("2026-01-01T00:00:00.000Z");
  insertEnvironment(conn, {
    id,
    userId: input.userId,
    settings,
    plan,
    requestId: randomUUID(),
    faults: { transientFailureRate: 0, named: [], ...input.faults },
    now,
  });
  const operationId = createOperation(conn, {
    environmentId: id,
    type: "install",
    steps: input.steps ?? plan.steps,
    actorId: input.userId,
    now,
  });
  return { environmentId: id, operationId };
}
