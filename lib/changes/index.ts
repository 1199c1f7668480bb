/**
 * Day-2 changes on a running cluster, one framework: each change is a folder with its schema (shared by its
 * dialog, the CLI and the server), its pure prepare function and its definition, listed in `registry.ts`.
 * Preparing checks the parameters make sense for the cluster as it is, and returns the new settings and plan,
 * the step graph the engine runs, its parameters in words for the activity, and the plan diff shown before
 * anything happens. lib/data reads the cluster and requests the change (docs/day-2.md).
 */
import type { ChangeContext, PreparedChange } from "./change-context";
import { changeRegistry, type ChangeAction } from "./registry";

/** Each change's prepare function, by action. */
export const changeActions = Object.fromEntries(changeRegistry.map((c) => [c.action, c.prepare])) as Readonly<
  Record<ChangeAction, (ctx: ChangeContext, input: unknown) => PreparedChange>
>;

export { changeRegistry, type ChangeAction } from "./registry";
export { workerIds, type ChangeContext, type PreparedChange, type RegistryCredentialsView } from "./change-context";
export { quotaProblems } from "./change-context";
