import type { Sim } from "@/lib/engine/sim";
import type { StepContext } from "@/lib/engine/step-context";

/** The environment's simulated infrastructure, as loaded for this step. */
export function simOf(ctx: StepContext): Sim {
  return ctx.sim;
}
