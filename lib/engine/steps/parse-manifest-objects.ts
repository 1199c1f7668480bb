import { parseAllDocuments } from "yaml";
import type { JsonObject } from "@/lib/engine/sim";
import { permanentError } from "@/lib/engine/step-error";
import { yamlLimits } from "@/lib/validations/yaml-limits";

export type ManifestObject = { apiVersion: string; kind: string; namespace: string; name: string; doc: JsonObject };

/** Kinds without a namespace; everything else defaults to "default", as kubectl does. */
const clusterScoped = new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "StorageClass",
  "IngressClass",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PriorityClass",
  "APIService",
  "ClusterIssuer",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
]);

const fixAction = "Correct the manifests in the install settings and install again.";

/**
 * The user's manifests, one object per non-empty YAML document, in order. Throws a permanent USER error when
 * a document is not valid YAML or lacks apiVersion, kind or metadata.name (the dialog's schema checks this
 * too, so it is a second line of defence).
 */
export function parseManifestObjects(text: string): ManifestObject[] {
  const objects: ManifestObject[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    if (doc.errors.length > 0) {
      throw permanentError(
        "manifest-invalid",
        `Document ${i + 1} of your manifests is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`,
        "user",
        fixAction,
      );
    }
    const value: unknown = doc.toJS({ maxAliasCount: yamlLimits.aliases });
    if (value === null || value === undefined) return;
    const o = (typeof value === "object" && !Array.isArray(value) ? value : {}) as JsonObject;
    const meta = (typeof o.metadata === "object" && o.metadata !== null ? o.metadata : {}) as JsonObject;
    if (
      typeof o.apiVersion !== "string" ||
      typeof o.kind !== "string" ||
      typeof meta.name !== "string" ||
      meta.name === ""
    ) {
      throw permanentError(
        "manifest-invalid",
        `Document ${i + 1} of your manifests needs apiVersion, kind and metadata.name.`,
        "user",
        fixAction,
      );
    }
    const namespace = clusterScoped.has(o.kind)
      ? ""
      : typeof meta.namespace === "string" && meta.namespace !== ""
        ? meta.namespace
        : "default";
    objects.push({ apiVersion: o.apiVersion, kind: o.kind, namespace, name: meta.name, doc: o });
  });
  if (objects.length === 0)
    throw permanentError("manifest-invalid", "Your manifests contain no Kubernetes objects.", "user", fixAction);
  return objects;
}
