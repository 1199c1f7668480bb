import type Database from "better-sqlite3";
import { createMachineOps, type MachineOps } from "./create-machine-ops";
import { createObjectOps, type ObjectOps } from "./create-object-ops";

/**
 * The simulated infrastructure of one environment: its machines (sim_machine) and the Kubernetes objects
 * of the cluster they form (sim_object). Every call is a synchronous statement on `conn`; the caller owns
 * the transaction (a step handler runs inside the one that records the step), so nothing here begins or
 * commits. `now` stamps createdAt/updatedAt of what this handle writes.
 */
export type Sim = {
  environmentId: string;
  now: Date;
  conn: Database.Database;
  machines: MachineOps;
  objects: ObjectOps;
};

export function createSim(conn: Database.Database, environmentId: string, now: Date): Sim {
  return {
    environmentId,
    now,
    conn,
    machines: createMachineOps(conn, environmentId, now),
    objects: createObjectOps(conn, environmentId, now),
  };
}
