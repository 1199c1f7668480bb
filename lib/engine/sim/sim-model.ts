import type { MachineState } from "./machine-states";
import type { JsonObject, MachineFacts, SimMachine, SimObject } from "./types";

/**
 * One environment's simulated infrastructure held in memory for the length of one step: loaded in the step's
 * transaction (under the environment's row lock, so no other step of the environment changes it meanwhile),
 * changed synchronously by the handler through createSim's operations, and written back in the same
 * transaction — only what changed. Nothing here touches the database.
 */
export type SimModel = {
  environmentId: string;
  machines: Map<string, SimMachine>;
  objects: Map<string, SimObject>;
  /** What exists in the database, to tell inserts from updates and to know which rows to delete. */
  loadedMachines: Set<string>;
  loadedObjects: Set<string>;
  changes: SimChanges;
};

export type SimChanges = {
  /** Machines created by this step (node ids). */
  createdMachines: Set<string>;
  /** Every state move, in order, so each is written as its own compare-and-set through the transition table. */
  machineMoves: { nodeId: string; from: MachineState; to: MachineState }[];
  /** Machines whose facts changed. */
  machineFacts: Set<string>;
  /** Objects created or changed (keys), and loaded objects deleted. */
  touchedObjects: Set<string>;
  deletedObjects: Set<string>;
};

export function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

export type MachineRow = Omit<SimMachine, "environmentId"> & { facts: MachineFacts };
export type ObjectRow = {
  kind: string;
  namespace: string;
  name: string;
  spec: JsonObject;
  status: JsonObject;
  createdAt: string;
  updatedAt: string;
};

export function createSimModel(
  environmentId: string,
  machines: readonly MachineRow[] = [],
  objects: readonly ObjectRow[] = [],
): SimModel {
  const machineMap = new Map(machines.map((m) => [m.nodeId, { ...m, environmentId }]));
  const objectMap = new Map(objects.map((o) => [objectKey(o.kind, o.namespace, o.name), { ...o }]));
  return {
    environmentId,
    machines: machineMap,
    objects: objectMap,
    loadedMachines: new Set(machineMap.keys()),
    loadedObjects: new Set(objectMap.keys()),
    changes: {
      createdMachines: new Set(),
      machineMoves: [],
      machineFacts: new Set(),
      touchedObjects: new Set(),
      deletedObjects: new Set(),
    },
  };
}

/** After its changes were committed: what the model holds is what the database holds. */
export function markSimModelSaved(model: SimModel): void {
  model.loadedMachines = new Set(model.machines.keys());
  model.loadedObjects = new Set(model.objects.keys());
  model.changes = {
    createdMachines: new Set(),
    machineMoves: [],
    machineFacts: new Set(),
    touchedObjects: new Set(),
    deletedObjects: new Set(),
  };
}

export function hasSimChanges(model: SimModel): boolean {
  const c = model.changes;
  return (
    c.createdMachines.size +
      c.machineMoves.length +
      c.machineFacts.size +
      c.touchedObjects.size +
      c.deletedObjects.size >
    0
  );
}
