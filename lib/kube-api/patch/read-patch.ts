import { unsupportedMediaType } from "../kube-status";
import { parsePatchBody } from "./parse-patch-body";

export const jsonPatchType = "application/json-patch+json";
export const mergePatchType = "application/merge-patch+json";
export const strategicMergePatchType = "application/strategic-merge-patch+json";

/** A PATCH body read: its media type and the JSON it holds, bounded (parse-patch-body.ts). */
export type ReadPatch = {
  mediaType: typeof jsonPatchType | typeof mergePatchType | typeof strategicMergePatchType;
  value: unknown;
};

/**
 * The PATCH body read by its Content-Type, before the object it applies to is loaded — so that a body that is
 * not a patch, or one too costly to read, is refused without opening the write's transaction or holding the
 * environment's lock while it is parsed. 400 for a body that is not a patch, 413 past the size bounds, 415 for
 * server-side apply and other types.
 */
export function readPatch(body: string, contentType: string): ReadPatch {
  const mediaType = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  switch (mediaType) {
    case jsonPatchType:
    case mergePatchType:
    case strategicMergePatchType:
      return { mediaType, value: parsePatchBody(body) };
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
