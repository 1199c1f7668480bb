import { badRequest } from "../kube-status";
import { isJsonObject, ownValue, setOwnValue, withoutNulls, type JsonObject } from "./json-object";

/**
 * Applies an RFC 7386 JSON merge patch (`application/merge-patch+json`, what `kubectl label`, `annotate`, `scale`
 * and `patch --type=merge` send): objects merge key by key, `null` deletes a key, anything else — lists included —
 * replaces. New values lose their `null` members, as the API server's merge (evanphx/json-patch) drops them.
 */
export function mergePatch(current: JsonObject, patch: unknown): JsonObject {
  if (!isJsonObject(patch))
    throw badRequest('a merge patch must be a JSON object, such as {"metadata":{"labels":{"app":"web"}}}');
  return mergeInto(structuredClone(current), patch);
}

function mergeInto(target: JsonObject, patch: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete target[key];
      continue;
    }
    const existing = ownValue(target, key);
    setOwnValue(
      target,
      key,
      isJsonObject(value) ? mergeInto(isJsonObject(existing) ? existing : {}, value) : withoutNulls(value),
    );
  }
  return target;
}
