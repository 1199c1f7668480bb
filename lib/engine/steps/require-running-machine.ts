import type { Sim, SimMachine } from "@/lib/engine/sim";
import { platformError } from "./platform-error";

/** The machine, which must exist and be running (its prepare step done); otherwise a permanent platform error. */
export function requireRunningMachine(sim: Sim, nodeId: string, purpose: string): SimMachine {
  const machine = sim.machines.get(nodeId);
  if (machine?.state !== "running") {
    throw platformError(
      "machine-not-ready",
      `Cannot ${purpose}: machine ${nodeId} is ${machine ? machine.state : "not created"}, not running.`,
    );
  }
  return machine;
}
