/**
 * Machine states.
 *   created  — the platform allocated the container (prepare step began); left for booting, or removed.
 *   booting  — the container starts and runs its configure script; left for running, or removed.
 *   running  — up and configured; a Kubernetes node can run on it. Left only for removed.
 *   removed  — terminal: stopped and deleted by remove-node (or swept by cleanup-environment). The row stays
 *              as history; (environmentId, nodeId) is unique, so a removed machine is never re-created.
 */
export const machineStates = ["created", "booting", "running", "removed"] as const;
export type MachineState = (typeof machineStates)[number];

export const machineTransitions: Readonly<Record<MachineState, readonly MachineState[]>> = {
  created: ["booting", "removed"],
  booting: ["running", "removed"],
  running: ["removed"],
  removed: [],
};

export function canMoveMachine(from: MachineState, to: MachineState): boolean {
  return machineTransitions[from].includes(to);
}
