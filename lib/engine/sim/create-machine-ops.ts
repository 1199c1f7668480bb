import type Database from "better-sqlite3";
import { sqliteTime } from "@/lib/sqlite";
import { canMoveMachine, type MachineState } from "./machine-states";
import { privateIpFor } from "./private-ip-for";
import { stableJson } from "@/lib/stable-json";
import type { MachineFacts, SimMachine } from "./types";

export type MachineOps = {
  /**
   * Creates the machine in state created, or returns the existing one unchanged: (environment, nodeId) is
   * unique, so a second call never makes a second machine. The address is derived from the node id.
   */
  create(input: { nodeId: string; nodeGroup: string; hostname: string }): { machine: SimMachine; created: boolean };
  get(nodeId: string): SimMachine | undefined;
  /** Ordered by node id; optionally one group and/or some states. */
  list(filter?: { nodeGroup?: string; states?: readonly MachineState[] }): SimMachine[];
  /**
   * Moves the machine along created → booting → running → removed (see machine-states.ts); the same state is
   * a no-op. Written as a compare-and-set on the state read. Throws on a move the table forbids.
   */
  setState(nodeId: string, to: MachineState): SimMachine;
  /** Shallow-merges facts; writes only when something changes. */
  mergeFacts(nodeId: string, patch: MachineFacts): SimMachine;
};

type Row = Omit<SimMachine, "facts" | "state"> & { facts: string; state: string };

export function createMachineOps(conn: Database.Database, environmentId: string, now: Date): MachineOps {
  const at = sqliteTime(now);
  const decode = (row: Row): SimMachine => ({ ...row, state: row.state as MachineState, facts: JSON.parse(row.facts) as MachineFacts });
  const select = conn.prepare("SELECT * FROM sim_machine WHERE environmentId = ? AND nodeId = ?");
  const get = (nodeId: string): SimMachine | undefined => {
    const row = select.get(environmentId, nodeId) as Row | undefined;
    return row ? decode(row) : undefined;
  };
  const mustGet = (nodeId: string): SimMachine => {
    const machine = get(nodeId);
    if (!machine) throw new Error(`Machine ${nodeId} does not exist in environment ${environmentId}.`);
    return machine;
  };

  return {
    create({ nodeId, nodeGroup, hostname }) {
      const existing = get(nodeId);
      if (existing) return { machine: existing, created: false };
      const index = Number(/-(\d+)$/.exec(nodeId)?.[1] ?? "1");
      conn
        .prepare(
          `INSERT INTO sim_machine (id, environmentId, nodeId, nodeGroup, hostname, privateIp, state, facts, createdAt, updatedAt)
           VALUES (?, ?, ?, ?, ?, ?, 'created', '{}', ?, ?)`,
        )
        .run(`${environmentId}:${nodeId}`, environmentId, nodeId, nodeGroup, hostname, privateIpFor(environmentId, nodeGroup, index), at, at);
      return { machine: mustGet(nodeId), created: true };
    },
    get,
    list(filter = {}) {
      const rows = conn
        .prepare("SELECT * FROM sim_machine WHERE environmentId = ? ORDER BY nodeGroup, length(nodeId), nodeId")
        .all(environmentId) as Row[];
      return rows
        .map(decode)
        .filter((m) => (filter.nodeGroup === undefined || m.nodeGroup === filter.nodeGroup) && (filter.states === undefined || filter.states.includes(m.state)));
    },
    setState(nodeId, to) {
      const machine = mustGet(nodeId);
      if (machine.state === to) return machine;
      if (!canMoveMachine(machine.state, to)) {
        throw new Error(`Machine ${nodeId} cannot go from ${machine.state} to ${to}.`);
      }
      const { changes } = conn
        .prepare("UPDATE sim_machine SET state = ?, updatedAt = ? WHERE id = ? AND state = ?")
        .run(to, at, machine.id, machine.state);
      if (changes !== 1) throw new Error(`Machine ${nodeId} changed state concurrently.`);
      return mustGet(nodeId);
    },
    mergeFacts(nodeId, patch) {
      const machine = mustGet(nodeId);
      const next = { ...machine.facts, ...patch };
      if (stableJson(next) === stableJson(machine.facts)) return machine;
      conn.prepare("UPDATE sim_machine SET facts = ?, updatedAt = ? WHERE id = ?").run(stableJson(next), at, machine.id);
      return mustGet(nodeId);
    },
  };
}
