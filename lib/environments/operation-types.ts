/** Operation types, shared by the engine and the pages (pure data; the day-2 changes come from their registry). */
import { changeRegistry, type ChangeAction } from "@/lib/changes/registry";

/**
 * Day-2 changes. While one runs the environment is updating; when it fails the cluster stays running, and the
 * failed change must be retried (or rolled back, where rollbackable) before another change starts.
 */
export type ChangeType = ChangeAction | "rollback";
export const changeTypes: readonly ChangeType[] = [...changeRegistry.map((c) => c.action), "rollback"];
export type OperationType = "install" | "cancel" | "delete" | ChangeType;

export function isChangeType(type: string): type is ChangeType {
  return (changeTypes as readonly string[]).includes(type);
}

/** Changes whose failure can be undone by a rollback operation (the nodes they added are removed). */
export const rollbackableChangeTypes: readonly ChangeType[] = ["scale-workers"];

/** A failed change can be rolled back when it is rollbackable and added nodes (its params list them). */
export function canRollBackChange(type: string, params: Readonly<Record<string, unknown>> | null | undefined): boolean {
  return (
    (rollbackableChangeTypes as readonly string[]).includes(type) &&
    Array.isArray(params?.added) &&
    params.added.length > 0
  );
}

export const operationLabels: Readonly<Record<OperationType, string>> = {
  install: "Install",
  cancel: "Cancel install",
  delete: "Delete",
  ...(Object.fromEntries(changeRegistry.map((c) => [c.action, c.label])) as Record<ChangeAction, string>),
  rollback: "Roll back",
};
