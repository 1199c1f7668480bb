import { isTerminal, type EnvironmentStatus } from "@/lib/environments/environment-status";

/**
 * What the side panel describes. `install`: the install's plan (its quota check, steps and ETA), until the
 * cluster was first up. `cluster`: the cluster as it is now (nodes, resources, price), without anything
 * about installing. `gone`: deleted or cancelled, which costs nothing and has no nodes.
 */
export type PlanPanelView = "install" | "cluster" | "gone";

export function planPanelView(status: EnvironmentStatus, installedOnce: boolean): PlanPanelView {
  if (isTerminal(status)) return "gone";
  return installedOnce ? "cluster" : "install";
}
