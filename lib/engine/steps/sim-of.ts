import { createSim, type Sim } from "@/lib/engine/sim";
import type { StepContext } from "@/lib/engine/step-context";

/** The environment's simulated infrastructure, on the step's connection and clock. */
export function simOf(ctx: StepContext): Sim {
  return createSim(ctx.conn, ctx.environment.id, ctx.now);
}
