import type { MachineRow, ObjectRow } from "../sim";

type MachineJson = Omit<MachineRow, "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };

/** An environment's machines, objects and secrets as one JSON value (see simStateSelect). */
export type SimStateJson = {
  machines: MachineJson[];
  objects: ObjectRow[];
  secrets: { name: string; ciphertext: string }[];
};

/** A SQL expression for an environment's whole simulated state as one JSON value; `environmentId` is its parameter. */
export function simStateSelect(environmentId: string): string {
  return `json_build_object(
    'machines', (SELECT COALESCE(json_agg(json_build_object('nodeId', "nodeId", 'nodeGroup', "nodeGroup", 'hostname', hostname,
        'privateIp', "privateIp", 'state', state, 'facts', facts, 'createdAt', "createdAt", 'updatedAt', "updatedAt")), '[]')
        FROM sim_machine WHERE "environmentId" = ${environmentId}),
    'objects', (SELECT COALESCE(json_agg(json_build_object('kind', kind, 'namespace', namespace, 'name', name, 'spec', spec,
        'status', status, 'createdAt', "createdAt", 'updatedAt', "updatedAt")), '[]')
        FROM sim_object WHERE "environmentId" = ${environmentId}),
    'secrets', (SELECT COALESCE(json_agg(json_build_object('name', name, 'ciphertext', ciphertext)), '[]')
        FROM environment_secret WHERE "environmentId" = ${environmentId}))`;
}
