import type Database from "better-sqlite3";
import { sqliteTime } from "@/lib/sqlite";
import { appendEvent } from "./engine-events";
import { environmentStatusForOperation } from "./environment-status-for-operation";
import type { StepFailure } from "./step-error";
import { statement } from "./statement";

/** Stops an operation on a step's final failure; the environment shows Failed with the error and who can fix it. */
export function failOperation(
  conn: Database.Database,
  input: { operationId: string; stepKey: string; stepTitle: string; failure: StepFailure; at: Date },
): void {
  const now = sqliteTime(input.at);
  const error = { stepKey: input.stepKey, stepTitle: input.stepTitle, ...input.failure };
  const op = statement(conn, "SELECT type, environmentId FROM operation WHERE id = ?").get(input.operationId) as {
    type: string;
    environmentId: string;
  };
  const failed = statement(conn, "UPDATE operation SET status = 'failed', error = ?, finishedAt = ?, updatedAt = ? WHERE id = ? AND status = 'running'")
    .run(JSON.stringify(error), now, now, input.operationId);
  if (failed.changes !== 1) return;
  statement(conn, "UPDATE environment SET status = 'failed', updatedAt = ? WHERE id = ? AND status = ?")
    .run(now, op.environmentId, environmentStatusForOperation(op.type));
  appendEvent(conn, {
    environmentId: op.environmentId,
    type: "operation.failed",
    message: `${input.stepTitle} failed: ${input.failure.message} ${input.failure.fixableBy === "user" ? "You can fix this" : "This is on our side"}: ${input.failure.action}`,
    operationId: input.operationId,
    stepKey: input.stepKey,
    at: input.at,
    data: { status: "failed", error },
  });
}
