import type { StepHandler } from "@/lib/engine/step-context";
import { secretNames } from "./secret-names";
import { simOf } from "./sim-of";

/**
 * cleanup-environment (teardown, last) — deletes every simulated Kubernetes object and every secret of the
 * environment. Machines should already be removed; any left (e.g. a machine created after the teardown graph
 * was built) are marked removed with a warning. Machine rows stay, as history.
 */
export const cleanupEnvironment: StepHandler = (ctx) => {
  const sim = simOf(ctx);
  const leftovers = sim.machines.list({ states: ["created", "booting", "running"] });
  for (const m of leftovers) {
    ctx.log(`${m.nodeId} was still ${m.state}; stopping and removing it`, "warn");
    sim.machines.setState(m.nodeId, "removed");
  }
  const objects = sim.objects.deleteAll();
  const known = new Set<string>(Object.values(secretNames));
  const others = ctx.secrets.deleteAll().filter((name) => !known.has(name)).length;
  ctx.log(
    `Deleted ${objects} Kubernetes object(s) and the environment's secrets${others > 0 ? ` (${others} more than the known ones)` : ""}`,
  );
  return { objectsDeleted: objects, machinesSwept: leftovers.length };
};
