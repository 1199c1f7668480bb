import { kubeResources } from "../resources";

export type GroupVersionKind = { group: string; version: string; kind: string };

/** The kind of a Deployment's `scale` subresource. */
export const scaleKind: GroupVersionKind = { group: "autoscaling", version: "v1", kind: "Scale" };

/** The meta types the operations take or return, whatever the kind. */
export const metaSchemaNames = {
  status: "io.k8s.apimachinery.pkg.apis.meta.v1.Status",
  deleteOptions: "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions",
  watchEvent: "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent",
  patch: "io.k8s.apimachinery.pkg.apis.meta.v1.Patch",
} as const;

/** The query parameters the API honours, by operation; the documents declare them as the real ones do. */
export const queryParameterNames = {
  list: ["fieldSelector", "labelSelector", "limit", "resourceVersion", "timeoutSeconds", "watch"],
  write: ["dryRun", "fieldManager", "fieldValidation"],
  delete: ["dryRun", "gracePeriodSeconds", "propagationPolicy"],
  log: ["container", "follow", "limitBytes", "previous", "sinceSeconds", "tailLines", "timestamps"],
} as const;

/** Every kind with a schema: each served resource's kind and its List, and Scale. */
export function schemaKinds(): GroupVersionKind[] {
  const kinds = kubeResources.flatMap((r) => [
    { group: r.group, version: r.version, kind: r.kind },
    { group: r.group, version: r.version, kind: `${r.kind}List` },
  ]);
  return [...kinds, scaleKind];
}

/** "api/v1" or "apis/<group>/<version>": how OpenAPI v3 and the URLs name a group version. */
export const groupVersionPath = (r: Pick<GroupVersionKind, "group" | "version">) =>
  r.group === "" ? `api/${r.version}` : `apis/${r.group}/${r.version}`;
