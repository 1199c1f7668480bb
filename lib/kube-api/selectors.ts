import { badRequest } from "./kube-status";
import type { ObjectByPath } from "./write/json";

type Test = (o: ObjectByPath) => boolean;

/** Splits on commas outside parentheses: `a in (x,y),b` → ["a in (x,y)", "b"]. */
function requirements(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of selector) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth -= 1;
    if (ch === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}

const valuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const keyPattern = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

/** A label selector as kubectl `-l` sends it: `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`, `k notin (a,b)`. */
export function labelSelector(selector: string | null): Test {
  if (!selector) return () => true;
  const tests = requirements(selector).map((req): Test => {
    const labels = (o: ObjectByPath) => (o.metadata?.labels ?? {}) as Record<string, string>;
    let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(req);
    if (m) {
      const [, key, op, list] = m as unknown as [string, string, string, string];
      const values = list.split(",").map((v) => v.trim());
      return op === "in"
        ? (o) => values.includes(labels(o)[key] ?? "\u0000")
        : (o) => !values.includes(labels(o)[key] ?? "\u0000");
    }
    m = /^(!?)([^=!\s]+)$/.exec(req);
    if (m && keyPattern.test(m[2]!)) {
      const key = m[2]!;
      return m[1] === "!" ? (o) => !(key in labels(o)) : (o) => key in labels(o);
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(req);
    if (m && keyPattern.test(m[1]!) && valuePattern.test(m[3]!)) {
      const [, key, op, value] = m as unknown as [string, string, string, string];
      return op === "!=" ? (o) => labels(o)[key] !== value : (o) => labels(o)[key] === value;
    }
    throw badRequest(
      `unable to parse requirement: found '${req}', expected: key, !key, key=value, key!=value, key in (…) or key notin (…)`,
    );
  });
  return (o) => tests.every((t) => t(o));
}

const fieldPaths: Record<string, (o: ObjectByPath) => unknown> = {
  "metadata.name": (o) => o.metadata?.name,
  "metadata.namespace": (o) => o.metadata?.namespace,
  "spec.nodeName": (o) => o.spec?.nodeName ?? "",
  "status.phase": (o) => o.status?.phase,
  // Events, as `kubectl describe` and `kubectl events --for` select them.
  "involvedObject.kind": (o) => o.involvedObject?.kind,
  "involvedObject.name": (o) => o.involvedObject?.name,
  "involvedObject.namespace": (o) => o.involvedObject?.namespace ?? "",
  "involvedObject.uid": (o) => o.involvedObject?.uid,
  "involvedObject.apiVersion": (o) => o.involvedObject?.apiVersion,
  "involvedObject.resourceVersion": (o) => o.involvedObject?.resourceVersion ?? "",
  "involvedObject.fieldPath": (o) => o.involvedObject?.fieldPath ?? "",
  reason: (o) => o.reason,
  type: (o) => o.type,
  source: (o) => o.source?.component,
  "spec.type": (o) => o.spec?.type,
};

/** A field selector (`--field-selector`): `field=value`, `field==value`, `field!=value` on the fields the API indexes. */
export function fieldSelector(selector: string | null): Test {
  if (!selector) return () => true;
  const tests = requirements(selector).map((req): Test => {
    const m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(req);
    if (!m) throw badRequest(`invalid field selector: '${req}': expected field=value or field!=value`);
    const [, field, op, value] = m as unknown as [string, string, string, string];
    const read = fieldPaths[field];
    if (!read)
      throw badRequest(`field label not supported: ${field} (supported: ${Object.keys(fieldPaths).join(", ")})`);
    return op === "!=" ? (o) => String(read(o) ?? "") !== value : (o) => String(read(o) ?? "") === value;
  });
  return (o) => tests.every((t) => t(o));
}
