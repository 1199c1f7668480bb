import { addStorageChange } from "./add-storage/definition";
import { addonsChange } from "./addons/definition";
import { autoscalingChange } from "./autoscaling/definition";
import { certificateChange } from "./certificate/definition";
import { registryCredentialsChange } from "./registry-credentials/definition";
import { remoteApiChange } from "./remote-api/definition";
import { removeAddonChange } from "./remove-addon/definition";
import { removeCertificateChange } from "./remove-certificate/definition";
import { removeRegistryCredentialsChange } from "./remove-registry-credentials/definition";
import { scaleWorkersChange } from "./scale-workers/definition";
import { upgradeChange } from "./upgrade/definition";

/**
 * Every day-2 change, one line each (docs/day-2.md). The operation types and labels, the engine's prepare
 * functions and API v1's operations (in this order, so the OpenAPI document keeps its order) are derived from it.
 * Pure and isomorphic: the pages read the labels and schemas from the same records the server prepares with.
 */
export const changeRegistry = [
  scaleWorkersChange,
  upgradeChange,
  addStorageChange,
  addonsChange,
  removeAddonChange,
  remoteApiChange,
  certificateChange,
  removeCertificateChange,
  registryCredentialsChange,
  removeRegistryCredentialsChange,
  autoscalingChange,
] as const;

export type ChangeAction = (typeof changeRegistry)[number]["action"];
