import type { KubeResource } from "./kube-resource";
import { notFound } from "./kube-status";
import { findResource } from "./resources";

/** A request path within one group version, as the API server routes it. */
export type ResourcePath = {
  resource: KubeResource;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
};

const subresources: Record<string, readonly string[]> = { deployments: ["scale"], pods: ["log"] };

/**
 * `[resource]`, `[resource, name]`, `[resource, name, subresource]`, each optionally after `["namespaces", ns]`
 * (namespaced kinds only) — 404 for a resource or subresource this API does not serve.
 */
export function parseResourcePath(group: string, version: string, segments: readonly string[]): ResourcePath {
  const namespaced = segments[0] === "namespaces" && segments.length >= 3;
  const namespace = namespaced ? segments[1]! : undefined;
  const rest = namespaced ? segments.slice(2) : segments;
  const [resourceName, name, subresource, ...extra] = rest;
  const resource = findResource(group, version, resourceName ?? "");
  const unknown = () =>
    notFound(`the server could not find the requested resource (${segments.join("/").slice(0, 80)})`);
  if (!resource || extra.length > 0) throw unknown();
  if (subresource !== undefined && !(subresources[resource.name] ?? []).includes(subresource)) throw unknown();
  if (namespace !== undefined && !resource.namespaced) throw notFound(`${resource.name} are not namespaced`);
  return { resource, namespace, name, subresource };
}
