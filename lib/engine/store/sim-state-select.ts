import type { MachineRow, ObjectRow } from "../sim";

type MachineJson = Omit<MachineRow, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };

/** An environment's simulated state as simStateSelect builds it: everything, or what changed after a version. */
export type SimStateJson = {
  /** The environment's simVersion the rows are of (-1 when the environment is gone). */
  version: number | string;
  /** True when `objects` and `deleted` are what changed after the version asked about; false: every object. */
  delta: boolean;
  machines: MachineJson[];
  objects: ObjectRow[];
  /** [kind, namespace, name] of the objects deleted after the version asked about (delta only). */
  deleted: [string, string, string][];
  secrets: { name: string; ciphertext: string }[];
};

/**
 * How many versions tombstones are kept: a process whose state is older than this loads the whole cluster again.
 * Pruned every `tombstonePruneEvery` versions by the writer (save-sim-state.ts).
 */
export const tombstoneVersions = 1024;
export const tombstonePruneEvery = 64;

/**
 * A SQL expression for an environment's simulated state as one JSON value (SimStateJson): its machines and
 * secrets (a few rows each) whole, and of its objects only those written after the version `since` (a parameter;
 * -1 for all) with the deletions since — or every object when `since` is older than the tombstones kept. One
 * statement, so the version and the rows are of one snapshot.
 */
export function simStateSelect(environmentId: string, since: string): string {
  const delta = `(SELECT "simVersion" - ${since}::bigint <= ${tombstoneVersions} FROM environment WHERE id = ${environmentId})`;
  return `json_build_object(
    'version', COALESCE((SELECT "simVersion" FROM environment WHERE id = ${environmentId}), -1),
    'delta', COALESCE(${delta}, false),
    'machines', (SELECT COALESCE(json_agg(json_build_object('nodeId', "nodeId", 'nodeGroup', "nodeGroup", 'hostname', hostname,
        'privateIp', "privateIp", 'state', state, 'facts', facts, 'createdAt', "createdAt", 'updatedAt', "updatedAt")), '[]')
        FROM sim_machine WHERE "environmentId" = ${environmentId}),
    'objects', (SELECT COALESCE(json_agg(json_build_object('kind', kind, 'namespace', namespace, 'name', name, 'spec', spec,
        'status', status, 'createdAt', "createdAt", 'updatedAt', "updatedAt")), '[]')
        FROM sim_object WHERE "environmentId" = ${environmentId} AND (version > ${since}::bigint OR NOT COALESCE(${delta}, false))),
    'deleted', (SELECT COALESCE(json_agg(json_build_array(kind, namespace, name)), '[]')
        FROM sim_object_tombstone WHERE "environmentId" = ${environmentId} AND version > ${since}::bigint AND COALESCE(${delta}, false)),
    'secrets', (SELECT COALESCE(json_agg(json_build_object('name', name, 'ciphertext', ciphertext)), '[]')
        FROM environment_secret WHERE "environmentId" = ${environmentId}))`;
}
