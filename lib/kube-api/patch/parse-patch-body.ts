import { KubeError, badRequest } from "../kube-status";
import { maxNestingDepth } from "../write/body-limits";
import { jsonTextProblem } from "../write/json-text-problem";
import { valueProblem } from "../write/value-problem";

/**
 * The patch body as JSON: every PATCH type but server-side apply is JSON on the wire (kubectl converts a YAML
 * `-p` to JSON before sending). 400 when it is not JSON, nests deeper than maxNestingDepth or holds more than
 * maxJsonCollections objects and lists (checked on the text before parsing), holds a string with a lone
 * surrogate (checked on the value, with the depth again), or names `__proto__`, which
 * no Kubernetes object has and which would be a prototype to any code that copies the result.
 */
export function parsePatchBody(body: string): unknown {
  const tooCostly = jsonTextProblem(body);
  if (tooCostly)
    throw new KubeError(
      tooCostly.code,
      tooCostly.code === 413 ? "RequestEntityTooLarge" : "BadRequest",
      `error decoding patch: ${tooCostly.message}`,
    );
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw badRequest(`error decoding patch: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
  }
  const problem = valueProblem(value, maxNestingDepth);
  if (problem) throw badRequest(`error decoding patch: ${problem}`);
  refuseProto(value);
  return value;
}

/** Recursion is safe here: valueProblem has bounded the depth. */
function refuseProto(value: unknown): void {
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) refuseProto(v);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__")
      throw badRequest('error decoding patch: "__proto__" is not a field of any Kubernetes object');
    refuseProto(v);
  }
}
