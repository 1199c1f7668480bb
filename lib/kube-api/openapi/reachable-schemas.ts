const refPrefix = "#/components/schemas/";

/**
 * The names of the schemas that `roots` name or reach through `$ref`s, sorted. Throws for a name or a `$ref`
 * that is not in `schemas`: a document with a dangling reference breaks `kubectl explain`.
 */
export function reachableSchemas(schemas: Readonly<Record<string, unknown>>, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    if (!(name in schemas)) throw new Error(`No schema ${name}`);
    seen.add(name);
    collectRefs(schemas[name], pending);
  }
  return [...seen].sort();
}

function collectRefs(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, into);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string" && v.startsWith(refPrefix)) into.push(v.slice(refPrefix.length));
      else collectRefs(v, into);
    }
  }
}
