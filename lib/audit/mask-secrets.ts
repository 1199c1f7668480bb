const secretKey = /pass(word)?|secret|token|credential|private|api[-_]?key|authorization|cookie/i;

export const masked = "••••••••";

/** A copy with the value of every key that names a secret replaced, at any depth. */
export function maskSecrets(value: Record<string, unknown>): Record<string, unknown> {
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 10 || v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, secretKey.test(k) && x !== null && x !== "" ? masked : walk(x, depth + 1)]),
    );
  };
  return walk(value, 0) as Record<string, unknown>;
}
