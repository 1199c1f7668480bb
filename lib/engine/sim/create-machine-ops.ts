import { stableJson } from "@/lib/stable-json";
import { canMoveMachine, type MachineState } from "./machine-states";
import { privateIpFor } from "./private-ip-for";
import { machinesInput, markStale, type SimModel } from "./sim-model";
import type { MachineFacts, SimMachine } from "./types";

export type MachineOps = {
  /**
   * Creates the machine in state created, or returns the existing one unchanged: (environment, nodeId) is
   * unique, so a second call never makes a second machine. The address is derived from the node id.
   */
  create(input: { nodeId: string; nodeGroup: string; hostname: string }): { machine: SimMachine; created: boolean };
  get(nodeId: string): SimMachine | undefined;
  /** Ordered by group, then node number; optionally one group and/or some states. */
  list(filter?: { nodeGroup?: string; states?: readonly MachineState[] }): SimMachine[];
  /**
   * Moves the machine along created → booting → running → removed (see machine-states.ts); the same state is
   * a no-op. Throws on a move the table forbids. Each move is written as its own compare-and-set.
   */
  setState(nodeId: string, to: MachineState): SimMachine;
  /** Shallow-merges facts; records a change only when something differs. */
  mergeFacts(nodeId: string, patch: MachineFacts): SimMachine;
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function createMachineOps(model: SimModel, now: Date): MachineOps {
  const at = now.toISOString();
  const { machines, changes, environmentId } = model;
  const copy = (m: SimMachine): SimMachine => structuredClone(m);
  const mustGet = (nodeId: string): SimMachine => {
    const machine = machines.get(nodeId);
    if (!machine) throw new Error(`Machine ${nodeId} does not exist in environment ${environmentId}.`);
    return machine;
  };

  return {
    create({ nodeId, nodeGroup, hostname }) {
      const existing = machines.get(nodeId);
      if (existing) return { machine: copy(existing), created: false };
      const index = Number(/-(\d+)$/.exec(nodeId)?.[1] ?? "1");
      const machine: SimMachine = {
        environmentId,
        nodeId,
        nodeGroup,
        hostname,
        privateIp: privateIpFor(environmentId, nodeGroup, index),
        state: "created",
        facts: {},
        createdAt: at,
        updatedAt: at,
      };
      machines.set(nodeId, machine);
      changes.createdMachines.add(nodeId);
      markStale(model, machinesInput, model.reconciling);
      return { machine: copy(machine), created: true };
    },
    get(nodeId) {
      const machine = machines.get(nodeId);
      return machine ? copy(machine) : undefined;
    },
    list(filter = {}) {
      return [...machines.values()]
        .filter(
          (m) =>
            (filter.nodeGroup === undefined || m.nodeGroup === filter.nodeGroup) &&
            (filter.states === undefined || filter.states.includes(m.state)),
        )
        .sort(
          (a, b) => byText(a.nodeGroup, b.nodeGroup) || a.nodeId.length - b.nodeId.length || byText(a.nodeId, b.nodeId),
        )
        .map(copy);
    },
    setState(nodeId, to) {
      const machine = mustGet(nodeId);
      if (machine.state === to) return copy(machine);
      if (!canMoveMachine(machine.state, to))
        throw new Error(`Machine ${nodeId} cannot go from ${machine.state} to ${to}.`);
      changes.machineMoves.push({ nodeId, from: machine.state, to });
      const next = { ...machine, state: to, updatedAt: at };
      machines.set(nodeId, next);
      markStale(model, machinesInput, model.reconciling);
      return copy(next);
    },
    mergeFacts(nodeId, patch) {
      const machine = mustGet(nodeId);
      const facts = { ...machine.facts, ...patch };
      if (stableJson(facts) === stableJson(machine.facts)) return copy(machine);
      const next = { ...machine, facts: structuredClone(facts), updatedAt: at };
      machines.set(nodeId, next);
      changes.machineFacts.add(nodeId);
      markStale(model, machinesInput, model.reconciling);
      return copy(next);
    },
  };
}
