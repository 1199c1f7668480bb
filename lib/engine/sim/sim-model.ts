import type { MachineState } from "./machine-states";
import { SimObjects } from "./sim-objects";
import type { JsonObject, MachineFacts, SimMachine, SimObject } from "./types";

/**
 * One environment's simulated infrastructure in memory: loaded (or forked from the process's cache of committed
 * states) in a transaction that holds the environment's advisory lock, changed synchronously through createSim's
 * operations, and written back in the same transaction — only what changed. Nothing here touches the database.
 */
export type SimModel = {
  environmentId: string;
  machines: Map<string, SimMachine>;
  objects: SimObjects;
  /** What the database holds (the state this one was forked from), to tell inserts from updates and deletes. */
  committed: { machines: ReadonlyMap<string, SimMachine>; objects: SimObjects };
  changes: SimChanges;
  /** Which inputs of each cluster controller changed since it last ran (reconcile-cluster.ts). */
  stale: StaleInputs;
  /** The controller running now: its own writes do not make its inputs stale (each controller is its own fixed point). */
  reconciling?: string;
  /** The plan's quota (as JSON) the pods controller last ran with. */
  podsQuota?: string;
};

/** Per controller, the input kinds ("@machines" for the machines) changed since it last ran; "all" when unknown. */
export type StaleInputs = Map<string, Set<string> | "all">;

/** The input that stands for the machines in StaleInputs. */
export const machinesInput = "@machines";

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

export function splitObjectKey(key: string): [kind: string, namespace: string, name: string] {
  return key.split("\u0000") as [string, string, string];
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

const noChanges = (): SimChanges => ({
  createdMachines: new Set(),
  machineMoves: [],
  machineFacts: new Set(),
  touchedObjects: new Set(),
  deletedObjects: new Set(),
});

/** A model of what the database holds (every controller's inputs unknown, so the first reconcile runs them all). */
export function createSimModel(
  environmentId: string,
  machines: readonly MachineRow[] = [],
  objects: readonly ObjectRow[] = [],
): SimModel {
  const committed = {
    machines: new Map(machines.map((m) => [m.nodeId, { ...m, environmentId }])),
    objects: SimObjects.from(objects.map((o) => ({ ...o }))),
  };
  return {
    environmentId,
    machines: new Map(committed.machines),
    objects: committed.objects.fork(),
    committed,
    changes: noChanges(),
    stale: new Map(),
  };
}

/**
 * A working copy of a committed model (one the process's cache holds): writes to it leave `model` as it was,
 * at the cost of copying the machines and, on first write, the tables of the kinds written (sim-objects.ts).
 */
export function forkSimModel(model: SimModel): SimModel {
  return {
    environmentId: model.environmentId,
    machines: new Map(model.machines),
    objects: model.objects.fork(),
    committed: { machines: model.machines, objects: model.objects },
    changes: noChanges(),
    stale: copyStale(model.stale),
    podsQuota: model.podsQuota,
  };
}

const copyStale = (stale: StaleInputs): StaleInputs =>
  new Map([...stale].map(([name, inputs]) => [name, inputs === "all" ? "all" : new Set(inputs)]));

/** After its changes were committed: what the model holds is what the database holds. */
export function markSimModelSaved(model: SimModel): void {
  model.committed = { machines: new Map(model.machines), objects: model.objects.fork() };
  model.changes = noChanges();
}

/** Records that objects of `kind` (or the machines: machinesInput) changed, for every controller but `except`. */
export function markStale(model: SimModel, input: string, except?: string): void {
  for (const [name, inputs] of model.stale) if (name !== except && inputs !== "all") inputs.add(input);
}

/** Objects read from the database after `model` was committed (a delta): the committed state they make. */
export function applyCommittedObjects(
  model: SimModel,
  machines: readonly MachineRow[],
  upserted: readonly ObjectRow[],
  deleted: readonly (readonly [string, string, string])[],
): SimModel {
  const objects = model.objects.fork();
  const machineMap = new Map(machines.map((m) => [m.nodeId, { ...m, environmentId: model.environmentId }]));
  const next: SimModel = {
    environmentId: model.environmentId,
    machines: machineMap,
    objects,
    committed: { machines: machineMap, objects },
    changes: noChanges(),
    stale: copyStale(model.stale),
    podsQuota: model.podsQuota,
  };
  for (const [kind, namespace, name] of deleted) if (objects.delete(kind, namespace, name)) markStale(next, kind);
  for (const o of upserted) {
    objects.set({ ...o });
    markStale(next, o.kind);
  }
  const same = (a: SimMachine, b: SimMachine | undefined) => b !== undefined && a.updatedAt === b.updatedAt;
  if (
    machineMap.size !== model.machines.size ||
    [...machineMap.values()].some((m) => !same(m, model.machines.get(m.nodeId)))
  )
    markStale(next, machinesInput);
  return next;
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

export type { SimObject };
