/**
 * Day-2 changes on a running cluster, one framework: each action parses its parameters with its schema
 * (lib/validations/changes.ts, shared with its dialog), checks they make sense for the cluster as it is, and
 * returns the new settings and plan, the step graph the engine runs, its parameters in words for the
 * activity, and the plan diff shown before anything happens. Pure: lib/data reads the cluster and requests
 * the change (docs/day-2.md).
 */
import type { ChangeContext, PreparedChange } from "./change-context";
import { prepareAddStorage } from "./prepare-add-storage";
import { prepareAddons } from "./prepare-addons";
import { prepareAutoscaling } from "./prepare-autoscaling";
import { prepareCertificate, prepareRemoveCertificate } from "./prepare-certificate";
import { prepareRegistryCredentials, prepareRemoveRegistryCredentials } from "./prepare-registry-credentials";
import { prepareRemoteApi } from "./prepare-remote-api";
import { prepareRemoveAddon } from "./prepare-remove-addon";
import { prepareScaleWorkers } from "./prepare-scale-workers";
import { prepareUpgrade } from "./prepare-upgrade";

export const changeActions = {
  "scale-workers": prepareScaleWorkers,
  upgrade: prepareUpgrade,
  "add-storage": prepareAddStorage,
  addons: prepareAddons,
  "remove-addon": prepareRemoveAddon,
  "remote-api": prepareRemoteApi,
  certificate: prepareCertificate,
  "remove-certificate": prepareRemoveCertificate,
  "registry-credentials": prepareRegistryCredentials,
  "remove-registry-credentials": prepareRemoveRegistryCredentials,
  autoscaling: prepareAutoscaling,
} as const satisfies Record<string, (ctx: ChangeContext, input: unknown) => PreparedChange>;

export type ChangeAction = keyof typeof changeActions;

export function isChangeAction(value: string): value is ChangeAction {
  return Object.hasOwn(changeActions, value);
}

export { workerIds, type ChangeContext, type PreparedChange, type RegistryCredentialsView } from "./change-context";
export { quotaProblems } from "./change-context";
