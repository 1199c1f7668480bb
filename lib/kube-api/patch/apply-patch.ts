import { unsupportedMediaType } from "../kube-status";
import { jsonPatch } from "./json-patch";
import { mergePatch } from "./merge-patch";
import { parsePatchBody } from "./parse-patch-body";
import { mergeKeysOf } from "./patch-merge-keys";
import { strategicMergePatch } from "./strategic-merge-patch";

const jsonPatchType = "application/json-patch+json";
const mergePatchType = "application/merge-patch+json";
const strategicMergePatchType = "application/strategic-merge-patch+json";

/**
 * The object `current` (never changed) with the PATCH body applied, by the request's Content-Type: JSON patch,
 * merge patch or strategic merge patch — what kubectl and client libraries send. Server-side apply is not
 * served (415). Failures are KubeErrors: 400 for a body that is not a patch, 422 for a JSON patch that cannot be
 * applied, 413 for one with too many operations, 415 for other types. The caller checks what the patch changed.
 */
export function applyPatch(current: Record<string, unknown>, body: string, contentType: string): Record<string, unknown> {
  const mediaType = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  switch (mediaType) {
    case jsonPatchType:
      return jsonPatch(current, parsePatchBody(body));
    case mergePatchType:
      return mergePatch(current, parsePatchBody(body));
    case strategicMergePatchType: {
      const kind = typeof current.kind === "string" ? current.kind : "";
      const mergeKeys = mergeKeysOf(kind);
      if (!mergeKeys) {
        throw unsupportedMediaType(`strategic merge patch is not supported for ${kind || "this object"}: use a merge patch or a JSON patch (kubectl patch --type=merge or --type=json)`);
      }
      return strategicMergePatch(current, parsePatchBody(body), mergeKeys);
    }
    case "application/apply-patch+yaml":
    case "application/apply-patch+cbor":
      throw unsupportedMediaType(
        "server-side apply is not supported by this cluster's API: use client-side apply, kubectl apply without --server-side (and without --force-conflicts)",
      );
    default:
      throw unsupportedMediaType(
        `the body of the request was in an unknown format - accepted media types include: ${jsonPatchType}, ${mergePatchType}, ${strategicMergePatchType}`,
      );
  }
}
