import type { KubeResource } from "../kube-resource";
import { badRequest } from "../kube-status";
import type { FieldErrors } from "./field-errors";
import { isObject, objectAt, type Json } from "./json";
import { checkLabelValue, checkName, checkQualifiedKey, type NameRule } from "./names";

const annotationsLimit = 256 * 1024;

const nameRules: Record<string, NameRule> = { Namespace: "label", Service: "dns1035" };

/**
 * The metadata a client may set — name, labels, annotations, generateName — checked as the API server checks
 * them; the server's own fields (uid, resourceVersion, creationTimestamp, generation, managedFields…) are
 * dropped, as the server sets them. A namespace in the object must be the one in the URL (400 otherwise).
 */
export function admitMetadata(
  resource: KubeResource,
  metadata: unknown,
  name: string,
  namespace: string | undefined,
  errors: FieldErrors,
): Json {
  const m = objectAt(metadata);
  if (resource.namespaced && typeof m.namespace === "string" && m.namespace !== "" && m.namespace !== namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  checkName(errors, "metadata.name", name, nameRules[resource.kind] ?? "subdomain");
  const out: Json = { name, ...(resource.namespaced ? { namespace } : {}) };
  if (typeof m.generateName === "string") out.generateName = m.generateName;
  if (m.labels !== undefined && m.labels !== null) {
    if (!isObject(m.labels)) errors.invalid("metadata.labels", m.labels, "must be a map of strings");
    else {
      for (const [k, v] of Object.entries(m.labels)) {
        checkQualifiedKey(errors, "metadata.labels", k);
        checkLabelValue(errors, "metadata.labels", v);
      }
      if (Object.keys(m.labels).length > 0) out.labels = { ...m.labels };
    }
  }
  if (m.annotations !== undefined && m.annotations !== null) {
    if (!isObject(m.annotations) || Object.values(m.annotations).some((v) => typeof v !== "string")) {
      errors.invalid("metadata.annotations", "…", "must be a map of strings");
    } else {
      let size = 0;
      for (const [k, v] of Object.entries(m.annotations)) {
        checkQualifiedKey(errors, "metadata.annotations", k);
        size += k.length + (v as string).length;
      }
      if (size > annotationsLimit) errors.tooLong("metadata.annotations", annotationsLimit);
      if (Object.keys(m.annotations).length > 0) out.annotations = { ...m.annotations };
    }
  }
  return out;
}
