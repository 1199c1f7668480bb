import { stableJson } from "@/lib/stable-json";
import { kindOf } from "../kinds";
import type { Admitted, ClusterFacts } from "../kinds/kube-kind";
import { groupVersion, type KubeResource } from "../kube-resource";
import { badRequest } from "../kube-status";
import { admitMetadata } from "./admit-metadata";
import { FieldErrors } from "./field-errors";
import { isObject, objectAt, type Json } from "./json";

/**
 * Checks an object a client sent for a writable resource, as the API server's validation does: apiVersion and
 * kind (defaulted from the URL when absent, as the server decodes them), metadata, then the kind's own rules
 * (its record's `write.admit`) — all field errors together in one 422 Invalid. `previous` is the stored manifest
 * on update (immutable fields, allocated IPs and ports, generation). Returns the defaulted manifest, without
 * status (the cluster owns it), and how to store it.
 */
export function admitObject(
  resource: KubeResource,
  body: unknown,
  at: { namespace?: string; name: string },
  previous: Json | undefined,
  cluster: ClusterFacts,
): Admitted {
  if (!isObject(body))
    throw badRequest(`the object provided is unrecognized (must be of type ${resource.kind}): it is not a JSON object`);
  const apiVersion = body.apiVersion ?? groupVersion(resource);
  const kind = body.kind ?? resource.kind;
  if (apiVersion !== groupVersion(resource) || kind !== resource.kind) {
    throw badRequest(
      `the API version in the data (${String(apiVersion)}) and kind (${String(kind)}) do not match the expected ${groupVersion(resource)} ${resource.kind}: send it to its own resource`,
    );
  }
  const errors = new FieldErrors();
  const metadata = admitMetadata(resource, body.metadata, at.name, at.namespace, errors);
  const write = kindOf(resource).write;
  if (!write) throw badRequest(`${resource.name} cannot be written through this API`);
  const generation = (spec: unknown) => {
    const before = Number(objectAt(previous?.metadata).generation ?? 0);
    return previous === undefined
      ? 1
      : stableJson(previous.spec ?? null) === stableJson(spec ?? null)
        ? before
        : before + 1;
  };
  const admitted = write.admit({
    body,
    head: { apiVersion: groupVersion(resource), kind: resource.kind },
    metadata,
    at,
    previous,
    previousSpec: previous ? objectAt(previous.spec) : undefined,
    generation,
    key: `${at.namespace ?? ""}/${at.name}`,
    cluster,
    errors,
  });
  errors.throwIfAny(resource.kind, resource.group, at.name);
  return admitted;
}
