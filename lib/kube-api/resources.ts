import { kubeKinds } from "./kinds";
import type { KubeResource } from "./kube-resource";

/** The resources the simulated clusters' Kubernetes API serves, as discovery lists them: one per kind. */
export const kubeResources: readonly KubeResource[] = kubeKinds.map((k) => ({
  ...k.resource,
  writable: k.write !== undefined,
}));

export function findResource(group: string, version: string, name: string): KubeResource | undefined {
  return kubeResources.find((r) => r.group === group && r.version === version && r.name === name);
}
