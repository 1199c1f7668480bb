type Entry = { value: unknown; depth: number; parent: Entry | undefined; key: string | number | undefined };

const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/**
 * What makes a decoded body (JSON, YAML, protobuf, a patch) unfit to work on, or undefined: objects and lists
 * nested deeper than `limit`, or a string — a key or a value — with a lone UTF-16 surrogate (JSON's "\ud800"
 * escape), which PostgreSQL refuses to store and no UTF-8 client could have meant. Walked with a stack of its
 * own, never recursion, since the value may be exactly as deep as an attacker made it.
 */
export function valueProblem(value: unknown, limit: number): string | undefined {
  return isSound(value, limit) ? undefined : describeProblem(value, limit);
}

/** The fast pass: a few tens of milliseconds for a million values, without allocating per value. */
function isSound(value: unknown, limit: number): boolean {
  if (typeof value === "string") return isWellFormed(value);
  const values: unknown[] = [value];
  const depths: number[] = [0];
  for (let v = values.pop(); v !== undefined; v = values.pop()) {
    if (typeof v !== "object" || v === null) continue;
    const depth = depths.pop()! + 1;
    if (depth > limit) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (!visit(v[i], depth, values, depths)) return false;
    } else {
      // for…in walks the keys without copying them into arrays (plain objects inherit no enumerable keys).
      for (const key in v) {
        if (!isWellFormed(key) || !visit((v as Record<string, unknown>)[key], depth, values, depths)) return false;
      }
    }
  }
  return true;
}

function visit(item: unknown, depth: number, values: unknown[], depths: number[]): boolean {
  if (typeof item === "string") return isWellFormed(item);
  if (typeof item === "object" && item !== null) {
    values.push(item);
    depths.push(depth);
  }
  return true;
}

/** The slow pass, once the fast one has found a problem: which, and where. */
function describeProblem(value: unknown, limit: number): string | undefined {
  const stack: Entry[] = [{ value, depth: 0, parent: undefined, key: undefined }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const v = entry.value;
    if (typeof v === "string") {
      if (!isWellFormed(v))
        return `${at(entry)} holds a string that is not valid Unicode (a lone surrogate such as \\ud800): send text as UTF-8`;
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    const depth = entry.depth + 1;
    if (depth > limit)
      return `it nests objects and lists deeper than ${limit} levels (at ${at(entry)}): this API reads at most ${limit}, more than any Kubernetes object needs`;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, parent: entry, key: i });
      continue;
    }
    for (const [key, item] of Object.entries(v)) {
      if (!isWellFormed(key))
        return `${at(entry)} has a field name that is not valid Unicode (a lone surrogate such as \\ud800): send text as UTF-8`;
      stack.push({ value: item, depth, parent: entry, key });
    }
  }
  return undefined;
}

/** The entry's place as a field path (`data.a`, `spec.ports[0]`), escaped so it is readable whatever the keys. */
function at(entry: Entry): string {
  const parts: string[] = [];
  let cut = false;
  for (let e: Entry | undefined = entry; e?.parent !== undefined; e = e.parent) {
    if (parts.length === 12) {
      cut = true; // the last 12 steps say where; the rest only how deep
      break;
    }
    parts.push(typeof e.key === "number" ? `[${e.key}]` : `.${JSON.stringify(e.key).slice(1, -1).slice(0, 60)}`);
  }
  const path = parts.reverse().join("").replace(/^\./, "");
  return path === "" ? "the top level" : `${cut ? "…" : ""}${path}`;
}
