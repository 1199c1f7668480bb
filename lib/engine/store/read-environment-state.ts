import type { Pool } from "@/lib/db/pool";
import { activeEnvironmentStatuses } from "@/lib/environments/environment-status";
import type { StepFailure } from "../step-error";
import { environmentColumns, type EnvironmentRecord } from "./environment-record";
import type { LogLineRecord } from "./find-log-lines";

export type OperationRecord = {
  id: string;
  type: string;
  status: string;
  actor: string | null;
  error: (StepFailure & { stepKey: string; stepTitle: string }) | null;
  /** Day-2 changes: what was asked for, secrets masked ({ summary, … }). */
  params: ({ summary: string } & Record<string, unknown>) | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type StepRecord = {
  key: string;
  name: string;
  title: string;
  stage: string;
  node: string | null;
  status: string;
  attempts: number;
  maxAttempts: number;
  estimatedMs: number;
  dependsOn: string[];
  startedAt: Date | null;
  attemptStartedAt: Date | null;
  finishedAt: Date | null;
  availableAt: Date;
  error: StepFailure | null;
};

export type WorkloadObject = {
  kind: string;
  namespace: string;
  name: string;
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
};

export type MachineRecord = {
  nodeId: string;
  nodeGroup: string;
  hostname: string;
  privateIp: string;
  state: string;
  facts: Record<string, unknown>;
};

/** Everything the status page shows of an environment, without secret values; undefined if it does not exist. */
export type EnvironmentState = {
  environment: EnvironmentRecord;
  /** Newest first; the steps are the newest operation's, in planned order. */
  operations: OperationRecord[];
  steps: StepRecord[];
  machines: MachineRecord[];
  /** Kubernetes Node readiness by node name. */
  nodeReady: Record<string, boolean>;
  secretNames: string[];
  /** The cluster's namespaces, workloads, pods and services, as the simulation holds them. */
  workloads: WorkloadObject[];
  /** The registry credentials the cluster has (the pull secret's source, no password). */
  registry: { registry: string; username: string; email: string } | null;
  /** The newest log lines, oldest first, when asked for (`logTail`). */
  logTail: LogLineRecord[];
  lastEventSeq: number;
  lastLogSeq: number;
};

/**
 * One environment's whole state in ONE statement, so it is one consistent snapshot: what the page shows
 * always belongs together, and `lastEventSeq` is exactly the newest event it reflects. By id, or by the
 * owner's account and name (the status page's first render, which also takes the newest log lines).
 */
export async function readEnvironmentState(
  pool: Pool,
  which: { id: string } | { userId: string; name: string },
  opts: { logTail?: number } = {},
): Promise<EnvironmentState | undefined> {
  // By name: the account's environment holding the name, else its newest that ended (as findEnvironmentByName).
  const target =
    "id" in which
      ? `SELECT $1::text AS id`
      : `SELECT id FROM environment WHERE "userId" = $1 AND name = $2 ORDER BY (status = ANY($3::text[])) DESC, "createdAt" DESC LIMIT 1`;
  const params = "id" in which ? [which.id] : [which.userId, which.name, activeEnvironmentStatuses];
  const tail = `$${params.length + 1}`;
  const { rows } = await pool.query<{
    environment: EnvironmentRecord | null;
    operations: Raw<OperationRecord>[];
    steps: Raw<StepRecord>[];
    machines: MachineRecord[];
    nodes: { name: string; ready: boolean }[];
    secrets: string[];
    registry: { registry: string; username: string; email: string } | null;
    workloads: WorkloadObject[];
    logs: (Omit<LogLineRecord, "at"> & { at: string })[];
  }>(
    `WITH t AS (${target}),
          e AS (SELECT ${environmentColumns}, "eventSeq", "logSeq" FROM environment WHERE id = (SELECT id FROM t)),
          ops AS (SELECT o.*, u.name AS actor FROM operation o LEFT JOIN "user" u ON u.id = o."actorId" WHERE o."environmentId" = (SELECT id FROM t))
     SELECT (SELECT row_to_json(e) FROM e) AS environment,
            (SELECT COALESCE(json_agg(json_build_object('id', id, 'type', type, 'status', status, 'actor', actor, 'error', error, 'params', params,
                'createdAt', "createdAt", 'startedAt', "startedAt", 'finishedAt', "finishedAt") ORDER BY seq DESC), '[]') FROM ops) AS operations,
            (SELECT COALESCE(json_agg(json_build_object('key', key, 'name', name, 'title', title, 'stage', stage, 'node', node,
                'status', status, 'attempts', attempts, 'maxAttempts', "maxAttempts", 'estimatedMs', "estimatedMs", 'dependsOn', "dependsOn",
                'startedAt', "startedAt", 'attemptStartedAt', "attemptStartedAt", 'finishedAt', "finishedAt", 'availableAt', "availableAt",
                'error', error) ORDER BY position), '[]')
               FROM step WHERE "operationId" = (SELECT id FROM ops ORDER BY seq DESC LIMIT 1)) AS steps,
            (SELECT COALESCE(json_agg(json_build_object('nodeId', "nodeId", 'nodeGroup', "nodeGroup", 'hostname', hostname,
                'privateIp', "privateIp", 'state', state, 'facts', facts) ORDER BY "nodeGroup", length("nodeId"), "nodeId"), '[]')
               FROM sim_machine WHERE "environmentId" = (SELECT id FROM t)) AS machines,
            (SELECT COALESCE(json_agg(json_build_object('name', name, 'ready', COALESCE((status->>'ready')::boolean, false))), '[]')
               FROM sim_object WHERE "environmentId" = (SELECT id FROM t) AND kind = 'Node' AND namespace = '') AS nodes,
            (SELECT COALESCE(json_agg(name ORDER BY name), '[]') FROM environment_secret WHERE "environmentId" = (SELECT id FROM t)) AS secrets,
            (SELECT COALESCE(json_agg(json_build_object('kind', kind, 'namespace', namespace, 'name', name, 'spec', spec, 'status', status)
                ORDER BY namespace, kind, name), '[]')
               FROM sim_object WHERE "environmentId" = (SELECT id FROM t)
                AND kind IN ('Namespace', 'Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'Service', 'ResourceQuota')) AS workloads,
            (SELECT json_build_object('registry', spec->>'registry', 'username', spec->>'username', 'email', COALESCE(spec->>'email', ''))
               FROM sim_object WHERE "environmentId" = (SELECT id FROM t) AND kind = 'Secret' AND namespace = 'kube-system' AND name = 'clusterport-registry') AS registry,
            (SELECT COALESCE(json_agg(l ORDER BY l.seq), '[]') FROM (
               SELECT seq, at, level, "stepKey", node, message FROM log_line WHERE "environmentId" = (SELECT id FROM t)
                ORDER BY seq DESC LIMIT ${tail}) l) AS logs`,
    [...params, opts.logTail ?? 0],
  );
  const row = rows[0];
  const raw = row?.environment as (Raw<EnvironmentRecord> & { eventSeq: number; logSeq: number }) | null | undefined;
  if (!row || !raw) return undefined;
  const { eventSeq, logSeq, ...environment } = raw;
  return {
    environment: { ...environment, createdAt: new Date(environment.createdAt) } as EnvironmentRecord,
    operations: row.operations.map(
      (o) =>
        ({
          ...o,
          createdAt: new Date(o.createdAt),
          startedAt: date(o.startedAt),
          finishedAt: date(o.finishedAt),
        }) as OperationRecord,
    ),
    steps: row.steps.map(
      (s) =>
        ({
          ...s,
          startedAt: date(s.startedAt),
          attemptStartedAt: date(s.attemptStartedAt),
          finishedAt: date(s.finishedAt),
          availableAt: new Date(s.availableAt),
        }) as StepRecord,
    ),
    machines: row.machines,
    nodeReady: Object.fromEntries(row.nodes.map((n) => [n.name, n.ready])),
    secretNames: row.secrets,
    registry: row.registry ?? null,
    workloads: row.workloads,
    logTail: row.logs.map((l) => ({ ...l, at: new Date(l.at) })),
    lastEventSeq: Number(eventSeq),
    lastLogSeq: Number(logSeq),
  };
}

/** A record as json_build_object returns it: timestamps are strings. */
type Raw<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

function date(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
