import type Database from "better-sqlite3";
import { ConflictError } from "@/lib/errors";
import { sqliteTime } from "@/lib/sqlite";
import { buildTeardownSteps } from "./build-teardown-steps";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { createOperation, type OperationStepSpec } from "./create-operation";
import { appendEvent } from "./engine-events";
import { environmentStatusForOperation } from "./environment-status-for-operation";
import { parseFaults } from "./faults";
import { operationLabels, type OperationType } from "./operation-states";
import { statement } from "./statement";

type Request = { environmentId: string; actorId: string | null; now: Date };

type EnvRow = { id: string; status: string; domain: string; faults: string };

function environmentOf(conn: Database.Database, id: string): EnvRow {
  return statement(conn, "SELECT id, status, domain, faults FROM environment WHERE id = ?").get(id) as EnvRow;
}

function activeOperation(conn: Database.Database, environmentId: string) {
  return statement(conn, "SELECT id, type, status FROM operation WHERE environmentId = ? AND status IN ('queued', 'running') LIMIT 1")
    .get(environmentId) as { id: string; type: OperationType; status: string } | undefined;
}

function moveEnvironment(conn: Database.Database, id: string, from: string, to: string, at: Date) {
  const moved = statement(conn, "UPDATE environment SET status = ?, updatedAt = ? WHERE id = ? AND status = ?")
    .run(to, sqliteTime(at), id, from);
  if (moved.changes !== 1) throw new ConflictError("The environment changed meanwhile. Reload and try again.");
}

/**
 * Cancel stops an install in flight: its unfinished steps are cancelled (a step still running cannot commit
 * its effects any more) and a cancel operation tears down whatever was created. Durable like any operation.
 */
export function requestCancel(conn: Database.Database, r: Request): string {
  return conn
    .transaction(() => {
      const env = environmentOf(conn, r.environmentId);
      const op = activeOperation(conn, r.environmentId);
      if (!op || op.type !== "install" || !["queued", "installing"].includes(env.status)) {
        throw new ConflictError(
          env.status === "failed"
            ? "The install has already stopped on an error; delete the environment to tear it down."
            : "Only an install in progress can be cancelled.",
        );
      }
      const now = sqliteTime(r.now);
      statement(conn, 
          `UPDATE step SET status = 'cancelled', leaseOwner = NULL, leaseExpiresAt = NULL, finishedAt = ?
            WHERE operationId = ? AND status IN ('pending', 'retrying', 'running', 'failed')`,
        )
        .run(now, op.id);
      statement(conn, "UPDATE operation SET status = 'cancelled', finishedAt = ?, updatedAt = ? WHERE id = ? AND status = ?")
        .run(now, now, op.id, op.status);
      moveEnvironment(conn, r.environmentId, env.status, "cancelling", r.now);
      appendEvent(conn, {
        environmentId: r.environmentId,
        type: "operation.cancelled",
        message: "Install cancelled; tearing down what it created.",
        operationId: op.id,
        actorId: r.actorId,
        at: r.now,
        data: { status: "cancelling" },
      });
      return createOperation(conn, { ...r, type: "cancel", steps: buildTeardownSteps(conn, r.environmentId) });
    })
    .immediate();
}

/** Delete tears a running or failed environment down and releases its name and quota at the end. */
export function requestDelete(conn: Database.Database, r: Request): string {
  return conn
    .transaction(() => {
      const env = environmentOf(conn, r.environmentId);
      const op = activeOperation(conn, r.environmentId);
      if (op) {
        throw new ConflictError(
          op.type === "install"
            ? "An install is in progress: cancel it first, or wait until it ends."
            : `${operationLabels[op.type]} is already in progress.`,
        );
      }
      if (!["running", "failed"].includes(env.status)) {
        throw new ConflictError(`An environment that is ${env.status} cannot be deleted.`);
      }
      moveEnvironment(conn, r.environmentId, env.status, "deleting", r.now);
      appendEvent(conn, {
        environmentId: r.environmentId,
        type: "environment.deleting",
        message: `Deleting ${env.domain}.`,
        actorId: r.actorId,
        at: r.now,
        data: { status: "deleting" },
      });
      return createOperation(conn, { ...r, type: "delete", steps: buildTeardownSteps(conn, r.environmentId) });
    })
    .immediate();
}

/**
 * Activates add-ons on a running cluster: the environment's settings and plan become the new ones (so its
 * endpoints and health check know about the add-ons), and an addons operation installs just those add-ons
 * and checks the cluster's health again.
 */
export function requestAddons(
  conn: Database.Database,
  r: Request & { settings: InstallSettings; plan: EnvironmentPlan; steps: OperationStepSpec[]; names: string[] },
): string {
  return conn
    .transaction(() => {
      const env = environmentOf(conn, r.environmentId);
      const op = activeOperation(conn, r.environmentId);
      if (op) throw new ConflictError(`${operationLabels[op.type]} is in progress; activate add-ons once it has ended.`);
      if (env.status !== "running") throw new ConflictError("Add-ons can be activated on a running cluster only.");
      statement(conn, "UPDATE environment SET settings = ?, plan = ? WHERE id = ?").run(
        JSON.stringify(r.settings),
        JSON.stringify(r.plan),
        r.environmentId,
      );
      moveEnvironment(conn, r.environmentId, "running", "updating", r.now);
      appendEvent(conn, {
        environmentId: r.environmentId,
        type: "environment.updating",
        message: `Activating ${r.names.join(", ")}.`,
        actorId: r.actorId,
        at: r.now,
        data: { status: "updating", addons: r.names },
      });
      return createOperation(conn, { environmentId: r.environmentId, actorId: r.actorId, now: r.now, type: "addons", steps: r.steps });
    })
    .immediate();
}

/**
 * Retry resumes a failed operation from its failed steps; everything that succeeded stays done. Named faults
 * are cleared: in the simulation, retrying stands for "the cause was fixed".
 */
export function requestRetry(conn: Database.Database, r: Request): string {
  return conn
    .transaction(() => {
      const env = environmentOf(conn, r.environmentId);
      if (env.status !== "failed") throw new ConflictError("Only a failed environment can be retried.");
      const op = statement(conn, "SELECT id, type FROM operation WHERE environmentId = ? AND status = 'failed' ORDER BY createdAt DESC LIMIT 1")
        .get(r.environmentId) as { id: string; type: OperationType } | undefined;
      if (!op) throw new ConflictError("There is no failed operation to retry.");
      const now = sqliteTime(r.now);
      statement(conn, "UPDATE step SET status = 'pending', attempts = 0, availableAt = ?, finishedAt = NULL WHERE operationId = ? AND status = 'failed'")
        .run(now, op.id);
      statement(conn, "UPDATE operation SET status = 'running', error = NULL, finishedAt = NULL, updatedAt = ? WHERE id = ? AND status = 'failed'")
        .run(now, op.id);
      const faults = parseFaults(env.faults);
      statement(conn, "UPDATE environment SET faults = ? WHERE id = ?").run(JSON.stringify({ ...faults, named: [] }), r.environmentId);
      moveEnvironment(conn, r.environmentId, "failed", environmentStatusForOperation(op.type), r.now);
      appendEvent(conn, {
        environmentId: r.environmentId,
        type: "operation.retried",
        message: `${operationLabels[op.type]} resumed from the failed step.`,
        operationId: op.id,
        actorId: r.actorId,
        at: r.now,
        data: { status: environmentStatusForOperation(op.type) },
      });
      return op.id;
    })
    .immediate();
}
