import type Database from "better-sqlite3";
import { findRegion, nodeGroups, type NodeGroupId } from "@/lib/catalog";
import { statement } from "@/lib/engine/statement";
import { isEnvironmentStatus } from "@/lib/environments/environment-status";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import type { CredentialName, NodeView, OperationView, StatusSnapshot, StepView } from "./status-snapshot";

const credentialLabels: Record<CredentialName, string> = {
  "admin-token": "Admin token",
  "grafana-password": "Grafana password",
  "jaeger-password": "Jaeger password",
};

/** The status page's whole state for one environment, read in one synchronous pass (no secrets). */
export function buildStatusSnapshot(conn: Database.Database, environmentId: string, timeScale = 1, now = new Date()): StatusSnapshot {
  const read = conn.transaction(() => {
    const env = statement(
      conn,
      "SELECT id, name, displayName, domain, region, status, settings, plan, results, createdAt FROM environment WHERE id = ?",
    ).get(environmentId) as {
      id: string;
      name: string;
      displayName: string;
      domain: string;
      region: string;
      status: string;
      settings: string;
      plan: string;
      results: string | null;
      createdAt: string;
    };
    const settings = JSON.parse(env.settings) as InstallSettings;
    const plan = JSON.parse(env.plan) as EnvironmentPlan;

    const operations = (
      statement(
        conn,
        `SELECT o.id, o.type, o.status, o.error, o.createdAt, o.startedAt, o.finishedAt, u.name AS actor
           FROM operation o LEFT JOIN user u ON u.id = o.actorId
          WHERE o.environmentId = ? ORDER BY o.createdAt DESC, o.rowid DESC`,
      ).all(environmentId) as {
        id: string;
        type: OperationView["type"];
        status: OperationView["status"];
        error: string | null;
        createdAt: string;
        startedAt: string | null;
        finishedAt: string | null;
        actor: string | null;
      }[]
    ).map(
      (o): OperationView => ({
        id: o.id,
        type: o.type,
        status: o.status,
        actor: o.actor,
        createdAt: iso(o.createdAt)!,
        startedAt: iso(o.startedAt),
        finishedAt: iso(o.finishedAt),
        error: o.error ? (JSON.parse(o.error) as OperationView["error"]) : null,
      }),
    );

    const current = operations[0];
    const steps = current
      ? (
          statement(
            conn,
            `SELECT key, name, title, stage, node, status, attempts, maxAttempts, estimatedMs, dependsOn, startedAt,
                    attemptStartedAt, finishedAt, availableAt, error
               FROM step WHERE operationId = ? ORDER BY rowid`,
          ).all(current.id) as (Omit<StepView, "error" | "dependsOn"> & { error: string | null; dependsOn: string })[]
        ).map(
          (s): StepView => ({
            ...s,
            // Wall-clock, as the page measures elapsed time; never 0, so progress stays a fraction.
            estimatedMs: Math.max(1, Math.round(s.estimatedMs * timeScale)),
            dependsOn: JSON.parse(s.dependsOn) as string[],
            startedAt: iso(s.startedAt),
            attemptStartedAt: iso(s.attemptStartedAt),
            finishedAt: iso(s.finishedAt),
            availableAt: s.status === "retrying" ? iso(s.availableAt) : null,
            error: s.error ? (JSON.parse(s.error) as StepView["error"]) : null,
          }),
        )
      : [];

    const ready = new Map(
      (
        statement(conn, "SELECT name, status FROM sim_object WHERE environmentId = ? AND kind = 'Node' AND namespace = ''").all(
          environmentId,
        ) as { name: string; status: string }[]
      ).map((n) => [n.name, (JSON.parse(n.status) as { ready?: boolean }).ready === true]),
    );
    const nodes = (
      statement(
        conn,
        "SELECT nodeId, nodeGroup, hostname, privateIp, state, facts FROM sim_machine WHERE environmentId = ? ORDER BY nodeGroup, nodeId",
      ).all(environmentId) as { nodeId: string; nodeGroup: string; hostname: string; privateIp: string; state: string; facts: string }[]
    ).map((m): NodeView => {
      const spec = nodeGroups[m.nodeGroup as NodeGroupId];
      const kube = m.nodeGroup === "k8sm" || m.nodeGroup === "cp";
      const facts = JSON.parse(m.facts) as { kubeletVersion?: string; kubernetesVersion?: string };
      return {
        id: m.nodeId,
        group: m.nodeGroup,
        groupName: spec?.name ?? m.nodeGroup,
        role: spec?.role ?? m.nodeGroup,
        hostname: m.hostname,
        privateIp: m.privateIp,
        state: m.state,
        kubernetesVersion: kube ? (facts.kubeletVersion ?? facts.kubernetesVersion ?? (m.state === "running" ? `v${settings.version}` : null)) : null,
        ready: kube ? (ready.get(m.nodeId) ?? false) : null,
      };
    });

    const credentials = (
      statement(conn, "SELECT name FROM environment_secret WHERE environmentId = ? ORDER BY name").all(environmentId) as { name: string }[]
    )
      .map((s) => s.name)
      .filter((n): n is CredentialName => n in credentialLabels)
      .map((name) => ({ name, label: credentialLabels[name] }));

    const { lastEventId } = statement(conn, "SELECT COALESCE(MAX(id), 0) AS lastEventId FROM environment_event WHERE environmentId = ?").get(
      environmentId,
    ) as { lastEventId: number };
    const { lastLogId } = statement(conn, "SELECT COALESCE(MAX(id), 0) AS lastLogId FROM log_line WHERE environmentId = ?").get(
      environmentId,
    ) as { lastLogId: number };

    return {
      environment: {
        id: env.id,
        name: env.name,
        displayName: env.displayName,
        domain: env.domain,
        region: { id: env.region, name: findRegion(env.region)?.name ?? env.region },
        version: settings.version,
        topology: plan.topology,
        status: isEnvironmentStatus(env.status) ? env.status : "failed",
        createdAt: iso(env.createdAt)!,
        storage: settings.storage,
        addons: settings.addons,
      },
      plan: { nodeGroups: plan.nodeGroups, stages: plan.stages, endpoints: plan.endpoints, estimate: plan.estimate },
      operations,
      steps,
      nodes,
      results: env.results ? (JSON.parse(env.results) as StatusSnapshot["results"]) : null,
      credentials,
      lastEventId,
      lastLogId,
      serverTime: now.toISOString(),
    } satisfies StatusSnapshot;
  });
  return read.deferred();
}

/** Stored timestamps ("…+00:00") as ISO-8601 UTC ("…Z"). */
function iso(value: string | null): string | null {
  return value ? new Date(value).toISOString() : null;
}
