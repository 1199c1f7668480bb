import type Database from "better-sqlite3";
import type { EnvironmentPlan } from "@/lib/plan";
import { sqliteTime } from "@/lib/sqlite";
import { appendEvent } from "./engine-events";
import { releaseEnvironmentClaims } from "./release-environment-claims";
import type { HealthLine } from "./step-context";
import { statement } from "./statement";

export type EnvironmentResults = {
  endpoints: EnvironmentPlan["endpoints"];
  health: HealthLine[];
  completedAt: string;
};

/** Ends an operation whose every step succeeded, and moves the environment to where that leaves it. */
export function finishOperation(conn: Database.Database, operationId: string, at: Date): void {
  const now = sqliteTime(at);
  const op = statement(conn, "SELECT type, environmentId, actorId FROM operation WHERE id = ?").get(operationId) as {
    type: string;
    environmentId: string;
    actorId: string | null;
  };
  const done = statement(conn, "UPDATE operation SET status = 'succeeded', finishedAt = ?, updatedAt = ? WHERE id = ? AND status = 'running'")
    .run(now, now, operationId);
  if (done.changes !== 1) throw new Error(`Operation ${operationId} was not running.`);

  const env = statement(conn, "SELECT plan, domain FROM environment WHERE id = ?").get(op.environmentId) as {
    plan: string;
    domain: string;
  };
  const move = (from: string, to: string) => {
    const moved = statement(conn, "UPDATE environment SET status = ?, updatedAt = ? WHERE id = ? AND status = ?")
      .run(to, now, op.environmentId, from);
    if (moved.changes !== 1) throw new Error(`Environment ${op.environmentId} was not ${from}.`);
  };

  if (op.type === "install" || op.type === "addons") {
    const plan = JSON.parse(env.plan) as EnvironmentPlan;
    const health = statement(conn, "SELECT output FROM step WHERE operationId = ? AND name = 'check-health'")
      .get(operationId) as { output: string | null } | undefined;
    const results: EnvironmentResults = {
      endpoints: plan.endpoints,
      health: health?.output ? ((JSON.parse(health.output) as { report?: HealthLine[] }).report ?? []) : [],
      completedAt: at.toISOString(),
    };
    move(op.type === "install" ? "installing" : "updating", "running");
    statement(conn, "UPDATE environment SET results = ? WHERE id = ?").run(JSON.stringify(results), op.environmentId);
    appendEvent(conn, {
      environmentId: op.environmentId,
      type: "environment.running",
      message: op.type === "install" ? `Cluster is running at ${plan.endpoints.cluster}` : "Add-ons activated; the cluster is running.",
      operationId,
      at,
      data: { status: "running" },
    });
    return;
  }

  const removed = (
    statement(conn, "SELECT node FROM step WHERE operationId = ? AND name = 'remove-node' ORDER BY node")
      .all(operationId) as { node: string }[]
  ).map((r) => r.node);
  const to = op.type === "cancel" ? "cancelled" : "deleted";
  move(op.type === "cancel" ? "cancelling" : "deleting", to);
  releaseEnvironmentClaims(conn, op.environmentId);
  appendEvent(conn, {
    environmentId: op.environmentId,
    type: `environment.${to}`,
    message:
      `${op.type === "cancel" ? "Install cancelled" : "Environment deleted"}: removed ${removed.length} node${removed.length === 1 ? "" : "s"}` +
      `${removed.length ? ` (${removed.join(", ")})` : ""}, their Kubernetes objects and secrets; ${env.domain} is free again.`,
    operationId,
    at,
    data: { status: to, removedNodes: removed },
  });
}
