/** Operation types, shared by the engine and the pages (pure data). */
/**
 * Day-2 changes. While one runs the environment is updating; when it fails the cluster stays running, and the
 * failed change must be retried (or rolled back, where rollbackable) before another change starts.
 */
export const changeTypes = ["addons", "scale-workers", "upgrade", "add-storage", "remove-addon", "remote-api", "certificate", "remove-certificate", "registry-credentials", "remove-registry-credentials", "autoscaling", "rollback"] as const;
export type ChangeType = (typeof changeTypes)[number];
export type OperationType = "install" | "cancel" | "delete" | ChangeType;

export function isChangeType(type: string): type is ChangeType {
  return (changeTypes as readonly string[]).includes(type);
}

/** Changes whose failure can be undone by a rollback operation (the nodes they added are removed). */
export const rollbackableChangeTypes: readonly ChangeType[] = ["scale-workers"];

/** A failed change can be rolled back when it is rollbackable and added nodes (its params list them). */
export function canRollBackChange(type: string, params: Readonly<Record<string, unknown>> | null | undefined): boolean {
  return (rollbackableChangeTypes as readonly string[]).includes(type) && Array.isArray(params?.added) && params.added.length > 0;
}

export const operationLabels: Readonly<Record<OperationType, string>> = {
  install: "Install",
  cancel: "Cancel install",
  delete: "Delete",
  addons: "Activate add-ons",
  "scale-workers": "Scale workers",
  upgrade: "Upgrade Kubernetes",
  "add-storage": "Add storage",
  "remove-addon": "Remove add-on",
  "remote-api": "Remote API access",
  certificate: "Certificate manager",
  "remove-certificate": "Remove certificate",
  "registry-credentials": "Registry credentials",
  "remove-registry-credentials": "Remove registry credentials",
  autoscaling: "Worker autoscaling",
  rollback: "Roll back",
};
