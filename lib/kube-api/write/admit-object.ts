import { stableJson } from "@/lib/stable-json";
import { badRequest } from "../kube-status";
import { groupVersion, type KubeResource } from "../resources";
import { admitConfigMap, admitSecret } from "./admit-config";
import { admitDeploymentSpec, type DeploymentFacts } from "./admit-deployment";
import { admitIngressSpec, type IngressFacts } from "./admit-ingress";
import { admitMetadata } from "./admit-metadata";
import { admitServiceSpec, type ServiceFacts } from "./admit-service";
import { FieldErrors } from "./field-errors";
import { isObject, objectAt, type Json } from "./json";

/** What the cluster around a written object says about it. */
export type ClusterFacts = { defaultIngressClass: string; usedNodePorts: ReadonlyMap<number, string> };

/** An object ready to store: the manifest as the API will return it, and what the simulation runs from it. */
export type Admitted =
  | { kind: "Namespace"; manifest: Json }
  | { kind: "Deployment"; manifest: Json; facts: DeploymentFacts }
  | { kind: "Service"; manifest: Json }
  | { kind: "ConfigMap"; manifest: Json }
  | { kind: "Secret"; manifest: Json; data: Record<string, string> }
  | { kind: "Ingress"; manifest: Json; facts: IngressFacts };

/**
 * Checks an object a client sent for a writable resource, as the API server's validation does: apiVersion and
 * kind (defaulted from the URL when absent, as the server decodes them), metadata, then the kind's own rules —
 * all field errors together in one 422 Invalid. `previous` is the stored manifest on update (immutable fields,
 * allocated IPs and ports, generation). Returns the defaulted manifest, without status (the cluster owns it).
 */
export function admitObject(resource: KubeResource, body: unknown, at: { namespace?: string; name: string }, previous: Json | undefined, cluster: ClusterFacts): Admitted {
  if (!isObject(body)) throw badRequest(`the object provided is unrecognized (must be of type ${resource.kind}): it is not a JSON object`);
  const apiVersion = body.apiVersion ?? groupVersion(resource);
  const kind = body.kind ?? resource.kind;
  if (apiVersion !== groupVersion(resource) || kind !== resource.kind) {
    throw badRequest(
      `the API version in the data (${String(apiVersion)}) and kind (${String(kind)}) do not match the expected ${groupVersion(resource)} ${resource.kind}: send it to its own resource`,
    );
  }
  const errors = new FieldErrors();
  const metadata = admitMetadata(resource, body.metadata, at.name, at.namespace, errors);
  const head = { apiVersion: groupVersion(resource), kind: resource.kind };
  const previousSpec = previous ? objectAt(previous.spec) : undefined;
  const generation = (spec: unknown) => {
    const before = Number(objectAt(previous?.metadata).generation ?? 0);
    return previous === undefined ? 1 : stableJson(previous.spec ?? null) === stableJson(spec ?? null) ? before : before + 1;
  };
  const key = `${at.namespace ?? ""}/${at.name}`;
  let admitted: Admitted;
  switch (resource.kind) {
    case "Namespace":
      admitted = {
        kind: "Namespace",
        manifest: { ...head, metadata: { ...metadata, labels: { ...objectAt(metadata.labels), "kubernetes.io/metadata.name": at.name } }, spec: { finalizers: ["kubernetes"] } },
      };
      break;
    case "Deployment": {
      const { spec, facts } = admitDeploymentSpec(objectAt(body.spec), previousSpec, errors);
      admitted = { kind: "Deployment", manifest: { ...head, metadata: { ...metadata, generation: generation(spec) }, spec }, facts };
      break;
    }
    case "Service": {
      const facts: ServiceFacts = { usedNodePorts: cluster.usedNodePorts, key };
      const spec = admitServiceSpec(objectAt(body.spec), previousSpec, facts, errors);
      admitted = { kind: "Service", manifest: { ...head, metadata, spec } };
      break;
    }
    case "ConfigMap":
      admitted = { kind: "ConfigMap", manifest: { ...head, metadata, ...admitConfigMap(body, previous, errors) } };
      break;
    case "Secret": {
      const { fields, data } = admitSecret(body, previous, errors);
      admitted = { kind: "Secret", manifest: { ...head, metadata, ...fields }, data };
      break;
    }
    case "Ingress": {
      const { spec, facts } = admitIngressSpec(objectAt(body.spec), cluster.defaultIngressClass, errors);
      admitted = { kind: "Ingress", manifest: { ...head, metadata: { ...metadata, generation: generation(spec) }, spec }, facts };
      break;
    }
    default:
      throw badRequest(`${resource.name} cannot be written through this API`);
  }
  errors.throwIfAny(resource.kind, resource.group, at.name);
  return admitted;
}
