import { badRequest } from "../kube-status";

/** Deeper than any Kubernetes object nests (a Deployment's deepest field is about 15 levels down). */
const maxPatchDepth = 100;

/**
 * The patch body as JSON: every PATCH type but server-side apply is JSON on the wire (kubectl converts a YAML
 * `-p` to JSON before sending). 400 when it is not JSON, nests deeper than `maxPatchDepth`, or names
 * `__proto__`, which no Kubernetes object has and which would be a prototype to any code that copies the result.
 */
export function parsePatchBody(body: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
  }
  inspect(value, 1);
  return value;
}

function inspect(value: unknown, depth: number): void {
  if (typeof value !== "object" || value === null) return;
  if (depth > maxPatchDepth) throw badRequest(`error decoding patch: it nests deeper than ${maxPatchDepth} levels`);
  if (Array.isArray(value)) {
    for (const v of value) inspect(v, depth + 1);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__") throw badRequest('error decoding patch: "__proto__" is not a field of any Kubernetes object');
    inspect(v, depth + 1);
  }
}
