import { unsupportedMediaType } from "../kube-status";
import { jsonPatch } from "./json-patch";
import { mergePatch } from "./merge-patch";
import { mergeKeysOf } from "./patch-merge-keys";
import { jsonPatchType, mergePatchType, readPatch, type ReadPatch } from "./read-patch";
import { strategicMergePatch } from "./strategic-merge-patch";

/**
 * The object `current` (never changed) with the PATCH body applied, by the request's Content-Type: JSON patch,
 * merge patch or strategic merge patch — what kubectl and client libraries send. The body comes as text, or
 * already read with readPatch (as a write reads it before its transaction). Server-side apply is not served
 * (415). Failures are KubeErrors: 400 for a body that is not a patch, 422 for a JSON patch that cannot be
 * applied, 413 for one with too many operations, 415 for other types. The caller checks what the patch changed.
 */
export function applyPatch(
  current: Record<string, unknown>,
  body: string | ReadPatch,
  contentType = "",
): Record<string, unknown> {
  const patch = typeof body === "string" ? readPatch(body, contentType) : body;
  switch (patch.mediaType) {
    case jsonPatchType:
      return jsonPatch(current, patch.value);
    case mergePatchType:
      return mergePatch(current, patch.value);
    default: {
      const kind = typeof current.kind === "string" ? current.kind : "";
      const mergeKeys = mergeKeysOf(kind);
      if (!mergeKeys) {
        throw unsupportedMediaType(
          `strategic merge patch is not supported for ${kind || "this object"}: use a merge patch or a JSON patch (kubectl patch --type=merge or --type=json)`,
        );
      }
      return strategicMergePatch(current, patch.value, mergeKeys);
    }
  }
}
