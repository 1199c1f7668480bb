import type { MergeKeyLookup } from "./strategic-merge-patch";

/**
 * The lists a strategic merge patch merges instead of replacing, for each kind this API writes: JSON path ("[]"
 * steps into a list's elements) → merge key, "" for a list of strings merged as a set. Taken from the
 * `patchStrategy:"merge"` / `patchMergeKey` struct tags of k8s.io/api core/v1, apps/v1 and networking/v1 and of
 * apimachinery's ObjectMeta, identical in Kubernetes 1.30 to 1.32. Every other list — tolerations, args, envFrom,
 * an Ingress's rules — is replaced whole. `$retainKeys` needs no entry: the server follows it wherever a patch has it.
 */
const patchMergeKeys: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Namespace: {
    "metadata.finalizers": "",
    "metadata.ownerReferences": "uid",
    "status.conditions": "type",
  },
  Service: {
    "metadata.finalizers": "",
    "metadata.ownerReferences": "uid",
    "spec.ports": "port",
    "status.conditions": "type",
  },
  ConfigMap: {
    "metadata.finalizers": "",
    "metadata.ownerReferences": "uid",
  },
  Secret: {
    "metadata.finalizers": "",
    "metadata.ownerReferences": "uid",
  },
  Ingress: {
    "metadata.finalizers": "",
    "metadata.ownerReferences": "uid",
  },
  Deployment: {
    "metadata.finalizers": "",
    "metadata.ownerReferences": "uid",
    "spec.template.metadata.finalizers": "",
    "spec.template.metadata.ownerReferences": "uid",
    "spec.template.spec.containers": "name",
    "spec.template.spec.containers[].ports": "containerPort",
    "spec.template.spec.containers[].env": "name",
    "spec.template.spec.containers[].volumeMounts": "mountPath",
    "spec.template.spec.containers[].volumeDevices": "devicePath",
    "spec.template.spec.initContainers": "name",
    "spec.template.spec.initContainers[].ports": "containerPort",
    "spec.template.spec.initContainers[].env": "name",
    "spec.template.spec.initContainers[].volumeMounts": "mountPath",
    "spec.template.spec.initContainers[].volumeDevices": "devicePath",
    "spec.template.spec.ephemeralContainers": "name",
    "spec.template.spec.ephemeralContainers[].ports": "containerPort",
    "spec.template.spec.ephemeralContainers[].env": "name",
    "spec.template.spec.ephemeralContainers[].volumeMounts": "mountPath",
    "spec.template.spec.ephemeralContainers[].volumeDevices": "devicePath",
    "spec.template.spec.volumes": "name",
    "spec.template.spec.imagePullSecrets": "name",
    "spec.template.spec.hostAliases": "ip",
    "spec.template.spec.topologySpreadConstraints": "topologyKey",
    "spec.template.spec.schedulingGates": "name",
    "spec.template.spec.resourceClaims": "name",
    "status.conditions": "type",
  },
};

/** The merge keys of a kind's lists, or undefined for a kind without a strategic merge schema here. */
export function mergeKeysOf(kind: string): MergeKeyLookup | undefined {
  const keys = Object.hasOwn(patchMergeKeys, kind) ? patchMergeKeys[kind] : undefined;
  return keys && ((path) => (Object.hasOwn(keys, path) ? keys[path] : undefined));
}
